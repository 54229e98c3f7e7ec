package net.taonet.yuma.io;

/** A vector file (or an override) that cannot be turned into epoch inputs; the message says why. */
public final class VectorFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VectorFormatException(String message) {
        super(message);
    }
}
