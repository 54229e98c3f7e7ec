package net.taonet.worker.identity;

import java.nio.file.Path;
import java.util.Optional;
import net.taonet.identity.KeyPair;
import net.taonet.identity.wallet.WalletStore;
import net.taonet.worker.WorkerProperties;

/**
 * Loads the keys from configuration: a wallet ({@code taonet.worker.wallet.name} and {@code .hotkey}), or a
 * hex seed ({@code taonet.worker.hotkey-seed}) for development. A wallet wins when both are set.
 */
public final class WorkerKeysLoader {

    private WorkerKeysLoader() {
    }

    public static WorkerKeys load(WorkerProperties props) {
        WorkerProperties.Wallet wallet = props.wallet();
        if (wallet.name() != null && !wallet.name().isBlank()) {
            WalletStore store = new WalletStore(wallet.root() != null ? wallet.root() : WalletStore.defaultRoot());
            KeyPair hotkey = store.hotkey(wallet.name(), wallet.hotkey());
            return new WorkerKeys(hotkey, () -> coldkeyFrom(props, store));
        }
        if (props.hotkeySeed() != null && !props.hotkeySeed().isBlank()) {
            return new WorkerKeys(KeyPair.fromSeedHex(props.hotkeySeed().strip()), () -> seedColdkey(props));
        }
        throw new IllegalStateException("the worker needs a hotkey: set taonet.worker.wallet.name (and .hotkey) "
                + "or taonet.worker.hotkey-seed");
    }

    private static Optional<KeyPair> coldkeyFrom(WorkerProperties props, WalletStore store) {
        Optional<KeyPair> seed = seedColdkey(props);
        if (seed.isPresent()) {
            return seed;
        }
        String password = props.wallet().coldkeyPassword();
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.unlockColdkey(props.wallet().name(), password.toCharArray()));
    }

    private static Optional<KeyPair> seedColdkey(WorkerProperties props) {
        String seed = props.coldkeySeed();
        return seed == null || seed.isBlank() ? Optional.empty() : Optional.of(KeyPair.fromSeedHex(seed.strip()));
    }

    /** For logs: where the hotkey came from. */
    public static String source(WorkerProperties props) {
        WorkerProperties.Wallet w = props.wallet();
        if (w.name() != null && !w.name().isBlank()) {
            Path root = w.root() != null ? w.root() : WalletStore.defaultRoot();
            return "wallet " + w.name() + "/" + w.hotkey() + " in " + root;
        }
        return "taonet.worker.hotkey-seed";
    }
}
