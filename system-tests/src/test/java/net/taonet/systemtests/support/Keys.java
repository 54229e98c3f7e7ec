package net.taonet.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.taonet.identity.KeyPair;

/** The test network's keys: SHA-256 of {@code taonet-system-test:<name>} as the ed25519 seed, so runs repeat. */
public final class Keys {

    /** Funded at genesis: owns both subnets. */
    public static final KeyPair ALICE = of("alice");
    public static final KeyPair ALICE_HOTKEY = of("alice/owner-hotkey");
    /** Funded at genesis: pays the registrations and stakes on the validator. */
    public static final KeyPair BOB = of("bob");
    /** The managed validator's hotkey (scoring-service). */
    public static final KeyPair VALIDATOR = of("validator");
    public static final KeyPair HONEST_1 = of("miner/honest-1");
    public static final KeyPair HONEST_2 = of("miner/honest-2");
    public static final KeyPair CHEAT = of("miner/wrong-results");
    public static final KeyPair CHAT_MINER = of("miner/chat");
    /** Funded at genesis, owns nothing in the network: the thief of the authorization drill. */
    public static final KeyPair MALLORY = of("mallory");
    public static final KeyPair MALLORY_HOTKEY = of("mallory/hotkey");
    /** Never funded, owns nothing: the signer of the bad-input baselines (every command it signs is refused). */
    public static final KeyPair NOBODY = of("nobody");
    public static final KeyPair NOBODY_HOTKEY = of("nobody/hotkey");

    private Keys() {
    }

    public static KeyPair of(String name) {
        try {
            return KeyPair.fromSeed(MessageDigest.getInstance("SHA-256")
                    .digest(("taonet-system-test:" + name).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
