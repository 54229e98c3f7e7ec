package net.taonet.drills;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.taonet.cli.http.RemoteException;
import net.taonet.cli.http.TaonetClient;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import tools.jackson.databind.JsonNode;

/**
 * Seeds a network through its public APIs only, as a user with the CLI would: a subnet with a short tempo,
 * workers' hotkeys and a validator's hotkey registered, the validator staked. The coldkeys are the local
 * profile's funded development wallets (their seeds are public: SHA-256 of {@code taonet-dev:<name>}).
 */
final class Seed {

    static final long TAO = 1_000_000_000L;
    /** Blocks between epochs: the smallest the local profile allows, an epoch every 11 s at 1 s blocks. */
    static final int TEMPO = 10;

    static final KeyPair ALICE = dev("alice");
    static final KeyPair BOB = dev("bob");
    static final KeyPair CHARLIE = dev("charlie");

    private Seed() {
    }

    /** A development key: the ed25519 seed SHA-256({@code <prefix><name>}). */
    static KeyPair dev(String name) {
        return KeyPair.fromSeed(sha256("taonet-dev:" + name));
    }

    /** A hotkey only this suite uses. */
    static KeyPair hotkey(String name) {
        return KeyPair.fromSeed(sha256("taonet-drills:" + name));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a subnet (alice pays the lock), owned by {@code ownerHotkey}, and sets its tempo; returns the netuid. */
    static int subnet(String registryUrl, KeyPair ownerHotkey, String taskType) {
        TaonetClient registry = client(registryUrl);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerHotkey", ownerHotkey.address());
        body.put("taskType", taskType);
        body.put("identity", Map.of("name", "drills", "description", "failure drills",
                "url", "http://localhost/drills", "contact", "drills@localhost"));
        JsonNode created = registry.exchange("POST", "/api/v1/subnets", body, new RequestSigner(ALICE),
                Map.of(TaonetClient.IDEMPOTENCY_HEADER, UUID.randomUUID().toString())).body();
        int netuid = created.get("netuid").asInt();
        registry.exchange("PUT", "/api/v1/subnets/" + netuid + "/hyperparameters/tempo", Map.of("value", TEMPO), null,
                Map.of("X-Taonet-Admin-Key", ProcessNetwork.ADMIN_KEY));
        return netuid;
    }

    /** Registers {@code hotkey} on the subnet, paid by {@code coldkey}; returns its UID. */
    static int register(String registryUrl, int netuid, KeyPair coldkey, KeyPair hotkey) {
        JsonNode answer = client(registryUrl).exchange("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", hotkey.address(), "maxPriceRao", 100 * TAO), new RequestSigner(coldkey),
                Map.of(TaonetClient.IDEMPOTENCY_HEADER, UUID.randomUUID().toString())).body();
        return answer.get("uid").asInt();
    }

    /**
     * Stakes {@code amountRao} from the coldkey on the hotkey. The ledger learns of the subnet and the hotkey's UID
     * from the registry's events, so {@code unknown-subnet} and {@code hotkey-not-registered} are retried until it has.
     */
    static void stake(String ledgerUrl, int netuid, KeyPair coldkey, KeyPair hotkey, long amountRao) {
        TaonetClient ledger = client(ledgerUrl);
        RequestSigner signer = new RequestSigner(coldkey);
        Map<String, Object> body = Map.of("coldkey", coldkey.address(), "hotkey", hotkey.address(), "netuid", netuid,
                "amountRao", amountRao);
        await("stake on " + hotkey.address()).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsMatching(e -> e instanceof RemoteException r
                        && (r.getMessage().contains("hotkey-not-registered") || r.getMessage().contains("unknown-subnet")))
                .until(() -> {
                    ledger.exchange("POST", "/api/v1/stakes/add", body, signer,
                            Map.of(TaonetClient.IDEMPOTENCY_HEADER, UUID.randomUUID().toString()));
                    return true;
                });
    }

    static TaonetClient client(String url) {
        return new TaonetClient(java.net.URI.create(url), Duration.ofSeconds(15));
    }

    /** The hex seed of a key, for a service's {@code hotkey-seed} setting. */
    static String seedHex(KeyPair key) {
        return key.seedHex();
    }

    static List<String> workerArguments(String registryUrl, int netuid, KeyPair hotkey) {
        return List.of("--taonet.worker.netuid=" + netuid,
                "--taonet.worker.hotkey-seed=" + hotkey.seedHex(),
                "--taonet.worker.registry.url=" + registryUrl,
                "--taonet.worker.registry.register=false",
                "--taonet.worker.registry.retry-interval=1s",
                "--taonet.worker.task-types=echo");
    }
}
