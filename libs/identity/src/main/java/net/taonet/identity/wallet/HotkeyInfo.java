package net.taonet.identity.wallet;

/** A hotkey of a wallet: its name, SS58 address and public key (hex). */
public record HotkeyInfo(String name, String address, String publicKeyHex) {
}
