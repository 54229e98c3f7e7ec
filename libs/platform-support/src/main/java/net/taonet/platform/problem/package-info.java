/**
 * RFC 9457 problem details for every error, in one place. Invariant: a client error is a 4xx with a
 * stable {@code type} ({@code urn:taonet:problem:<slug>}) and a detail that says what is wrong; nothing
 * unexpected leaks internals.
 */
package net.taonet.platform.problem;
