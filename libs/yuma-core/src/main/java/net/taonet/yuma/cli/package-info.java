/**
 * The {@code yuma} simulator command line ({@link net.taonet.yuma.cli.YumaCli}): runs a vector
 * file's epochs and prints the {@code yuma-output/1} document.
 *
 * <p>Invariants: stdout carries only the JSON document; any bad input is one line on stderr with
 * exit status 2, never a stack trace.
 */
package net.taonet.yuma.cli;
