package net.taonet.worker.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import net.taonet.identity.KeyPair;
import net.taonet.identity.wallet.ScryptParams;
import net.taonet.identity.wallet.WalletStore;
import net.taonet.worker.WorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerKeysLoaderTest {

    @TempDir
    Path wallets;

    @Test
    void loadsTheHotkeyFromAWalletAndUnlocksTheColdkeyOnlyWithItsPassword() {
        WalletStore store = new WalletStore(wallets, ScryptParams.FAST_FOR_TESTS);
        KeyPair coldkey = store.create("miner", "secret".toCharArray());
        KeyPair hotkey = store.createHotkey("miner", "w1");
        WorkerKeys keys = WorkerKeysLoader.load(props(new WorkerProperties.Wallet(wallets, "miner", "w1", "secret"), null));
        assertThat(keys.hotkeyAddress()).isEqualTo(hotkey.address());
        assertThat(keys.coldkey()).get().extracting(KeyPair::address).isEqualTo(coldkey.address());
        WorkerKeys noPassword = WorkerKeysLoader.load(props(new WorkerProperties.Wallet(wallets, "miner", "w1", ""), null));
        assertThat(noPassword.coldkey()).isEmpty();
    }

    @Test
    void acceptsAHexSeedForDevelopment() {
        KeyPair hotkey = KeyPair.fromSeedHex("88".repeat(32));
        WorkerKeys keys = WorkerKeysLoader.load(props(null, hotkey.seedHex()));
        assertThat(keys.hotkeyAddress()).isEqualTo(hotkey.address());
        assertThat(keys.coldkey()).isEmpty();
    }

    @Test
    void refusesToStartWithoutAHotkey() {
        assertThatThrownBy(() -> WorkerKeysLoader.load(props(null, " "))).hasMessageContaining("hotkey");
    }

    private static WorkerProperties props(WorkerProperties.Wallet wallet, String seed) {
        return new WorkerProperties(null, 1, null, seed, wallet, null, null, null, null, null, null, null, null, null);
    }
}
