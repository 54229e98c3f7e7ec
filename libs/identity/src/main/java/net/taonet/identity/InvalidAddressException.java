package net.taonet.identity;

/** An address that is not a valid SS58 address of this network; the message says why. */
public class InvalidAddressException extends IllegalArgumentException {

    public InvalidAddressException(String message) {
        super(message);
    }
}
