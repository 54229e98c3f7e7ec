package net.taonet.identity.wallet;

import java.nio.file.Path;
import java.util.List;

/** What a wallet shows without its password: the coldkey's public half and every hotkey. */
public record WalletInfo(String name, Path directory, String coldkeyAddress, String coldkeyPublicKeyHex,
        List<HotkeyInfo> hotkeys) {
}
