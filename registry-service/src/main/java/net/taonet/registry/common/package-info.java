/** Small helpers every feature of the registry shares (input checks). No state. */
package net.taonet.registry.common;
