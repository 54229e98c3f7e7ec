package net.taonet.scoring.validation.domain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import net.taonet.identity.KeyPair;
import net.taonet.identity.wallet.WalletStore;
import net.taonet.scoring.ScoringProperties;
import org.springframework.stereotype.Component;

/** The validators configured under {@code taonet.scoring.validators}, with their keys loaded once at start-up. */
@Component
public class ManagedValidators {

    private final List<ManagedValidator> validators;

    public ManagedValidators(ScoringProperties props) {
        List<ManagedValidator> loaded = new ArrayList<>();
        int i = 0;
        for (ScoringProperties.Validator v : props.validators()) {
            String name = v.name() == null ? "validator-" + i : v.name();
            loaded.add(new ManagedValidator(name, key(name, v), new LinkedHashSet<>(v.netuids())));
            i++;
        }
        this.validators = List.copyOf(loaded);
    }

    public List<ManagedValidator> all() {
        return validators;
    }

    public Optional<ManagedValidator> byHotkey(String hotkey) {
        return validators.stream().filter(v -> v.hotkey().equals(hotkey)).findFirst();
    }

    public boolean isManaged(String hotkey) {
        return byHotkey(hotkey).isPresent();
    }

    private static KeyPair key(String name, ScoringProperties.Validator v) {
        if (v.hotkeySeed() != null && !v.hotkeySeed().isBlank()) {
            return KeyPair.fromSeedHex(v.hotkeySeed().strip());
        }
        if (v.wallet() != null && v.hotkey() != null) {
            WalletStore store = v.walletsDir() == null || v.walletsDir().isBlank()
                    ? WalletStore.atDefaultRoot() : new WalletStore(Path.of(v.walletsDir()));
            return store.hotkey(v.wallet(), v.hotkey());
        }
        throw new IllegalStateException("validator " + name + " needs hotkey-seed, or wallet and hotkey");
    }
}
