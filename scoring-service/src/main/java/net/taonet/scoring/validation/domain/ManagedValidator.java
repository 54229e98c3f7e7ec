package net.taonet.scoring.validation.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        return Base64.getEncoder().encodeToString(key.sign(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "ManagedValidator[" + name + " " + hotkey() + "]";
    }
}
