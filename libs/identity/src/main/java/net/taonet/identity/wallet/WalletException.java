package net.taonet.identity.wallet;

/** A wallet operation that could not be done; the message says why, in words a user can act on. */
public class WalletException extends RuntimeException {

    public WalletException(String message) {
        super(message);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
