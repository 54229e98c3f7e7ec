/**
 * The {@code yuma-vector/1} input format and the {@code yuma-output/1} output contract of the test
 * vectors (their README), shared by the simulator CLI and the tests: strict parsing into engine
 * inputs ({@link net.taonet.yuma.io.VectorJson}), snapshot and chained runs of a whole file
 * ({@link net.taonet.yuma.io.VectorRunner}) and the output document ({@link
 * net.taonet.yuma.io.OutputJson}).
 *
 * <p>Invariants: malformed input always surfaces as a {@link
 * net.taonet.yuma.io.VectorFormatException} whose message names the offending field; the engine is
 * never called with unvalidated values.
 */
package net.taonet.yuma.io;
