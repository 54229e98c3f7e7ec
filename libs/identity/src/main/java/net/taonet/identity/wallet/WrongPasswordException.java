package net.taonet.identity.wallet;

/** The password does not open the coldkey (AES-GCM authentication failed); no key material is returned. */
public class WrongPasswordException extends WalletException {

    public WrongPasswordException(String message) {
        super(message);
    }
}
