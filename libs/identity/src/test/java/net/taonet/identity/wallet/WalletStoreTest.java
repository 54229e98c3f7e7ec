package net.taonet.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import net.taonet.identity.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletStoreTest {

    static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path root;

    WalletStore store() {
        return new WalletStore(root, ScryptParams.FAST_FOR_TESTS);
    }

    @Test
    void aCreatedWalletUnlocksToTheSameColdkey() {
        WalletStore store = store();
        KeyPair coldkey = store.create("alice", PASSWORD);
        KeyPair unlocked = store.unlockColdkey("alice", PASSWORD);
        assertThat(unlocked.seedHex()).isEqualTo(coldkey.seedHex());
        assertThat(store.coldkeyAddress("alice")).isEqualTo(coldkey.address());
        assertThat(store.list()).containsExactly("alice");
        // A new store instance (another process) reads the same files.
        assertThat(new WalletStore(root).unlockColdkey("alice", PASSWORD).address()).isEqualTo(coldkey.address());
    }

    @Test
    void aWrongPasswordIsAClearErrorNeverAnotherKey() {
        WalletStore store = store();
        store.create("alice", PASSWORD);
        assertThatThrownBy(() -> store.unlockColdkey("alice", "correct horse battery stapler".toCharArray()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("wrong password for wallet 'alice'");
    }

    @Test
    void theColdkeySeedIsNeverOnDiskInTheClear() throws Exception {
        WalletStore store = store();
        KeyPair coldkey = store.create("alice", PASSWORD);
        String file = Files.readString(root.resolve("alice/coldkey"));
        assertThat(file).doesNotContain(coldkey.seedHex()).contains("\"kdf\": \"scrypt\"").contains("aes-256-gcm");
        assertThat(Files.readString(root.resolve("alice/coldkeypub.txt")))
                .contains(coldkey.address()).contains(coldkey.publicKeyHex()).doesNotContain(coldkey.seedHex());
    }

    @Test
    void anEditedColdkeyFileIsRefused() throws Exception {
        WalletStore store = store();
        store.create("alice", PASSWORD);
        KeyPair other = KeyPair.generate();
        Path file = root.resolve("alice/coldkey");
        String text = Files.readString(file);
        String address = text.replaceAll("(?s).*\"ss58Address\": \"([^\"]+)\".*", "$1");
        Files.writeString(file, text.replace(address, other.address()));
        assertThatThrownBy(() -> store.unlockColdkey("alice", PASSWORD)).isInstanceOf(WrongPasswordException.class);
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> store.unlockColdkey("alice", PASSWORD))
                .isInstanceOf(WalletException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void filesAre600AndDirectories700() throws Exception {
        WalletStore store = store();
        store.create("alice", PASSWORD);
        store.createHotkey("alice", "default");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("alice/coldkey"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("alice/coldkeypub.txt"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("alice/hotkeys/default"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("alice"))))
                .isEqualTo("rwx------");
        try (var stream = Files.list(root.resolve("alice"))) {
            assertThat(stream.map(p -> p.getFileName().toString())).doesNotContain(".coldkey.tmp")
                    .allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    @Test
    void hotkeysArePlainAndListedInTheWalletInfo() {
        WalletStore store = store();
        KeyPair coldkey = store.create("alice", PASSWORD);
        KeyPair h1 = store.createHotkey("alice", "miner1");
        KeyPair h2 = store.createHotkey("alice", "default");
        assertThat(store.hotkey("alice", "miner1").seedHex()).isEqualTo(h1.seedHex());
        WalletInfo info = store.info("alice");
        assertThat(info.coldkeyAddress()).isEqualTo(coldkey.address());
        assertThat(info.coldkeyPublicKeyHex()).isEqualTo(coldkey.publicKeyHex());
        assertThat(info.hotkeys()).containsExactly(
                new HotkeyInfo("default", h2.address(), h2.publicKeyHex()),
                new HotkeyInfo("miner1", h1.address(), h1.publicKeyHex()));
    }

    @Test
    void regeneratingFromTheSeedGivesTheSameAddressUnderANewPassword() {
        WalletStore store = store();
        KeyPair coldkey = store.create("alice", PASSWORD);
        KeyPair hotkey = store.createHotkey("alice", "default");

        WalletStore elsewhere = new WalletStore(root.resolve("restored"), ScryptParams.FAST_FOR_TESTS);
        KeyPair restored = elsewhere.regenerate("alice", coldkey.seed(), "new password".toCharArray(), false);
        assertThat(restored.address()).isEqualTo(coldkey.address());
        assertThat(elsewhere.unlockColdkey("alice", "new password".toCharArray()).address()).isEqualTo(coldkey.address());

        // Over an existing wallet only when asked; the hotkeys stay.
        assertThatThrownBy(() -> store.regenerate("alice", coldkey.seed(), PASSWORD, false))
                .isInstanceOf(WalletException.class).hasMessageContaining("already exists");
        store.regenerate("alice", coldkey.seed(), "other".toCharArray(), true);
        assertThat(store.unlockColdkey("alice", "other".toCharArray()).address()).isEqualTo(coldkey.address());
        assertThat(store.hotkey("alice", "default").address()).isEqualTo(hotkey.address());
    }

    @Test
    void refusesDuplicatesBadNamesEmptyPasswordsAndUnknownWallets() {
        WalletStore store = store();
        store.create("alice", PASSWORD);
        store.createHotkey("alice", "default");
        assertThatThrownBy(() -> store.create("alice", PASSWORD)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.createHotkey("alice", "default")).hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.create("../evil", PASSWORD)).hasMessageContaining("invalid wallet name");
        assertThatThrownBy(() -> store.create(".hidden", PASSWORD)).hasMessageContaining("invalid wallet name");
        assertThatThrownBy(() -> store.createHotkey("alice", "a/b")).hasMessageContaining("invalid hotkey name");
        assertThatThrownBy(() -> store.create("bob", new char[0])).hasMessageContaining("non-empty password");
        assertThatThrownBy(() -> store.createHotkey("nobody", "h")).hasMessageContaining("no wallet 'nobody'");
        assertThatThrownBy(() -> store.unlockColdkey("nobody", PASSWORD)).hasMessageContaining("does not exist");
        assertThat(store.list()).containsExactly("alice");
        assertThat(new WalletStore(root.resolve("missing")).list()).isEmpty();
    }

    @Test
    void defaultParametersAreReadable() {
        WalletStore store = new WalletStore(root);
        KeyPair coldkey = store.create("strong", PASSWORD);
        assertThat(store.unlockColdkey("strong", PASSWORD).address()).isEqualTo(coldkey.address());
    }
}
