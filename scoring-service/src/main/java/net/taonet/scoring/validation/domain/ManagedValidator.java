package net.taonet.scoring.validation.domain;

import java.util.Set;
import net.taonet.identity.KeyPair;

/** A validator this service runs: its hotkey and the subnets it validates (empty: every one it is registered on). */
public record ManagedValidator(String name, KeyPair key, Set<Integer> netuids) {

    public String hotkey() {
        return key.address();
    }

    public boolean validates(int netuid) {
        return netuids.isEmpty() || netuids.contains(netuid);
    }

    public String sign(String payload) {
        return TaskSignatures.sign(key, payload);
    }

    @Override
    public String toString() {
        return "ManagedValidator[" + name + " " + hotkey() + "]";
    }
}
