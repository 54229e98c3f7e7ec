/**
 * The command-line client. Invariants: exit status 0 on success, 1 on a remote or runtime error, 2 on bad
 * usage or bad input; an error is one line on stderr and never a stack trace; passwords are read from a file,
 * the environment or the terminal, never from the command line.
 */
package net.taonet.cli;
