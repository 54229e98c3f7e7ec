package net.taonet.cli.http;

import net.taonet.cli.CliException;

/**
 * A request the network refused or could not answer, as one line: the HTTP status, the problem type
 * (without {@code urn:taonet:problem:}) and the detail.
 */
public class RemoteException extends CliException {

    private final int status;
    private final String problemType;

    public RemoteException(int status, String problemType, String message) {
        super(RUNTIME, message);
        this.status = status;
        this.problemType = problemType;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The stable problem type slug, or null. */
    public String problemType() {
        return problemType;
    }
}
