/**
 * How the CLI shows things to people: TAO amounts (exact, parsed and printed through BigDecimal; rao on
 * the wire), u16 proportions and tables. Invariant: no amount is ever rounded; an amount the wire cannot
 * carry exactly is refused.
 */
package net.taonet.cli.format;
