package net.taonet.cli;

/** A failure the CLI reports as one line on stderr with its exit status (never a stack trace). */
public class CliException extends RuntimeException {

    /** The exit status of a bad usage or bad input. */
    public static final int USAGE = 2;
    /** The exit status of a remote or runtime error. */
    public static final int RUNTIME = 1;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(USAGE, message);
    }

    public static CliException runtime(String message) {
        return new CliException(RUNTIME, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
