package net.taonet.systemtests.badinput;

import static net.taonet.systemtests.badinput.Endpoint.Kind.ADDRESS;
import static net.taonet.systemtests.badinput.Endpoint.Kind.NAME;
import static net.taonet.systemtests.badinput.Endpoint.Kind.NUMBER;
import static net.taonet.systemtests.badinput.Endpoint.Kind.UUID;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.taonet.identity.KeyPair;
import net.taonet.systemtests.support.Http;
import net.taonet.systemtests.support.Keys;
import net.taonet.systemtests.support.SystemNetwork;
import net.taonet.testsupport.LocalNetwork;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every public endpoint of the network (docs/contracts.md and the services' READMEs), each with a baseline
 * request. The state-changing baselines are signed by keys without funds that own nothing, or carry
 * an argument that the service refuses for a business reason, so no variant can move TAO.
 * {@link #mapped(SystemNetwork)} reads what the running services actually map, so a new endpoint that is
 * missing here fails the drill.
 */
public final class PublicEndpoints {

    /** Mapped paths that are not public API: the gateway's circuit-breaker fallback target and the dashboard. */
    static final Set<String> NOT_PUBLIC = Set.of("/fallback/{service}", "/", "/error");

    private PublicEndpoints() {
    }

    public static List<Endpoint> all(SystemNetwork net, String apiKey) {
        int g = net.gemmNetuid();
        String validator = Keys.VALIDATOR.address();
        String miner = Keys.HONEST_1.address();
        long tao = 1_000_000_000L;
        List<Endpoint> e = new ArrayList<>();

        // registry
        // every signed endpoint has signers of its own (none funded, none owning anything), so that the
        // endpoints can be probed in parallel: a verifier takes each signer's nonces only in increasing order
        ObjectNode subnet = obj().put("ownerColdkey", nobody("subnets").address()).put("ownerHotkey", Keys.NOBODY_HOTKEY.address())
                .put("taskType", "gemm").put("maxLockRao", 20 * tao);
        subnet.putObject("identity").put("name", "hostile").put("description", "d").put("url", "https://example.org")
                .put("contact", "c@example.org");
        e.add(Endpoint.post("/api/v1/subnets").signedBy(nobody("subnets")).idempotent().body(subnet).build());
        e.add(Endpoint.get("/api/v1/subnets").build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}").var("netuid", g, NUMBER).build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/hyperparameters").var("netuid", g, NUMBER).build());
        e.add(Endpoint.put("/api/v1/subnets/{netuid}/hyperparameters/{name}").var("netuid", g, NUMBER)
                .var("name", "immunity_period", NAME).signedBy(nobody("hyperparameters")).body(obj().put("value", 100)).build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/registration-price").var("netuid", g, NUMBER).build());
        e.add(Endpoint.post("/api/v1/subnets/{netuid}/neurons").var("netuid", g, NUMBER).signedBy(nobody("neurons")).idempotent()
                .body(obj().put("hotkey", Keys.NOBODY_HOTKEY.address()).put("maxPriceRao", 50 * tao)).build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/neurons").var("netuid", g, NUMBER).build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/neurons/{uid}").var("netuid", g, NUMBER).var("uid", 1, NUMBER).build());
        e.add(Endpoint.get("/api/v1/neurons/{hotkey}").var("hotkey", miner, ADDRESS).build());
        ObjectNode serving = obj().put("accelerator", "NVIDIA H100 80GB HBM3").put("memoryMib", 81_559)
                .put("version", "0.1.0").put("endpoint", "http://localhost:8091");
        serving.putArray("taskTypes").addObject().put("name", "gemm").put("version", "1").put("backend", "cuda");
        e.add(Endpoint.put("/api/v1/serving/{netuid}/{hotkey}").var("netuid", g, NUMBER)
                .var("hotkey", nobody("serving").address(), ADDRESS).signedBy(nobody("serving")).body(serving).build());
        e.add(Endpoint.get("/api/v1/serving/{netuid}").var("netuid", g, NUMBER).build());
        e.add(Endpoint.get("/api/v1/serving/{netuid}/{hotkey}").var("netuid", g, NUMBER).var("hotkey", miner, ADDRESS).build());
        e.add(Endpoint.get("/api/v1/prices").build());
        e.add(Endpoint.get("/api/v1/prices/lock-cost").build());
        e.add(Endpoint.get("/api/v1/prices/registration/{netuid}").var("netuid", g, NUMBER).build());

        // ledger
        e.add(Endpoint.get("/api/v1/accounts/{address}").var("address", Keys.BOB.address(), ADDRESS).build());
        e.add(Endpoint.get("/api/v1/accounts/{address}/journal").var("address", Keys.BOB.address(), ADDRESS)
                .query("limit", 50).query("before", Long.MAX_VALUE).build());
        e.add(Endpoint.post("/api/v1/transfers").signedBy(nobody("transfers")).idempotent().body(obj()
                .put("from", nobody("transfers").address()).put("to", Keys.ALICE.address()).put("amountRao", tao)).build());
        for (String op : List.of("add", "remove")) {
            KeyPair staker = nobody("stakes/" + op);
            e.add(Endpoint.post("/api/v1/stakes/" + op).signedBy(staker).idempotent().body(obj()
                    .put("coldkey", staker.address()).put("hotkey", validator).put("netuid", g).put("amountRao", tao)).build());
        }
        e.add(Endpoint.get("/api/v1/stakes/hotkeys/{hotkey}").var("hotkey", validator, ADDRESS).build());
        e.add(Endpoint.get("/api/v1/stakes/subnets/{netuid}").var("netuid", g, NUMBER).build());
        e.add(Endpoint.get("/api/v1/takes/{hotkey}").var("hotkey", validator, ADDRESS).build());
        e.add(Endpoint.put("/api/v1/takes/{hotkey}").var("hotkey", validator, ADDRESS).signedBy(nobody("takes")).idempotent()
                .body(obj().put("take", 100)).build());
        e.add(Endpoint.get("/api/v1/audit").build());
        e.add(Endpoint.get("/api/v1/emission").build());
        e.add(Endpoint.get("/api/v1/emission/subnets/{netuid}/settlements").var("netuid", g, NUMBER).query("limit", 20).build());
        e.add(Endpoint.get("/api/v1/emission/subnets/{netuid}/payouts").var("netuid", g, NUMBER).query("epoch", 1).build());
        e.add(Endpoint.get("/api/v1/emission/pending").build());
        // over the faucet's limit: refused even with the right admin key
        e.add(Endpoint.post("/api/v1/faucet").header("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY).body(obj()
                .put("address", Keys.NOBODY.address()).put("amountRao", 20_000 * tao)).build());

        // consensus
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/epochs").var("netuid", g, NUMBER).query("page", 0).query("size", 20).build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/epochs/{epoch}").var("netuid", g, NUMBER).var("epoch", 1, NUMBER).build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/consensus").var("netuid", g, NUMBER).build());
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/epochs/replay-hyperparameters").var("netuid", g, NUMBER).build());
        ObjectNode replay = obj();
        replay.putObject("hyperparameters").put("kappa", 99_999_999);
        e.add(Endpoint.post("/api/v1/subnets/{netuid}/epochs/{epoch}/replay").var("netuid", g, NUMBER)
                .var("epoch", 1, NUMBER).body(replay).build());

        // scoring
        ObjectNode weights = obj().put("netuid", g).put("versionKey", 0);
        weights.putArray("uids").add(1).add(2);
        weights.putArray("weights").add(100).add(200);
        e.add(Endpoint.post("/api/v1/weights").signedBy(nobody("weights")).body(weights).build());
        e.add(Endpoint.post("/api/v1/weights/commit").signedBy(nobody("weights/commit"))
                .body(obj().put("netuid", g).put("commitHash", "ab".repeat(32))).build());
        ObjectNode reveal = weights.deepCopy().put("salt", "0102030405060708");
        e.add(Endpoint.post("/api/v1/weights/reveal").signedBy(nobody("weights/reveal")).body(reveal).build());
        e.add(Endpoint.get("/api/v1/weights/{netuid}").var("netuid", g, NUMBER).build());
        e.add(Endpoint.get("/api/v1/weights/{netuid}/commits/{hotkey}").var("netuid", g, NUMBER).var("hotkey", validator, ADDRESS).build());
        e.add(Endpoint.get("/api/v1/validators").build());
        e.add(Endpoint.get("/api/v1/validators/{hotkey}/scores/{netuid}").var("hotkey", validator, ADDRESS).var("netuid", g, NUMBER).build());
        e.add(Endpoint.get("/api/v1/validators/tasks").build());
        e.add(Endpoint.get("/api/v1/validators/tasks/miners").query("netuid", g).build());

        // gateway
        e.add(Endpoint.get("/api/v1/events").build()); // the dashboard's event stream: nothing to vary
        e.add(Endpoint.get("/api/v1/subnets/{netuid}/metagraph").var("netuid", g, NUMBER).query("block", 1).build());
        e.add(Endpoint.get("/v1/models").header("Authorization", "Bearer " + apiKey).build());
        ObjectNode chat = obj().put("model", "sn4242");
        chat.putArray("messages").addObject().put("role", "user").put("content", "hello");
        e.add(Endpoint.post("/v1/chat/completions").header("Authorization", "Bearer " + apiKey).body(chat).build());
        e.add(Endpoint.post("/admin/api-keys").header("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY)
                // two fields out of range, so that no single change makes it a valid key request
                .body(obj().put("name", "drill").put("requestsPerSecond", 0).put("burst", 0).put("monthlyQuota", 100)).build());
        e.add(Endpoint.get("/admin/api-keys").header("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY).build());
        e.add(Endpoint.delete("/admin/api-keys/{id}").var("id", java.util.UUID.randomUUID(), UUID)
                .header("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY).build());
        return e;
    }

    /**
     * What the running services map ({@code METHOD /path/{var}}), read from their handler mappings: the
     * servlet services' and the gateway's reactive one. Internal and non-public paths are left out.
     */
    public static Set<String> mapped(SystemNetwork net) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : List.of(LocalNetwork.REGISTRY, LocalNetwork.LEDGER, LocalNetwork.CONSENSUS,
                LocalNetwork.SCORING, LocalNetwork.GATEWAY)) {
            ApplicationContext ctx = net.network().service(name).context();
            ctx.getBeansOfType(org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class)
                    .values().forEach(m -> m.getHandlerMethods().keySet().forEach(info -> {
                        for (String pattern : info.getPatternValues()) {
                            for (var method : methods(info.getMethodsCondition().getMethods())) {
                                add(out, method, pattern);
                            }
                        }
                    }));
            ctx.getBeansOfType(org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping.class)
                    .values().forEach(m -> m.getHandlerMethods().keySet().forEach(info -> {
                        for (var pattern : info.getPatternsCondition().getPatterns()) {
                            for (var method : methods(info.getMethodsCondition().getMethods())) {
                                add(out, method, pattern.getPatternString());
                            }
                        }
                    }));
        }
        return out;
    }

    private static List<String> methods(Set<?> methods) {
        return methods.isEmpty() ? List.of("ANY") : methods.stream().map(Object::toString).toList();
    }

    private static void add(Set<String> out, String method, String pattern) {
        if (pattern.startsWith("/internal/") || NOT_PUBLIC.contains(pattern) || pattern.startsWith("/v3/api-docs")
                || pattern.startsWith("/swagger-ui")) {
            return;
        }
        out.add(method + " " + pattern);
    }

    /** An unfunded key that owns nothing, one per endpoint. */
    static KeyPair nobody(String endpoint) {
        return Keys.of("nobody/" + endpoint);
    }

    private static ObjectNode obj() {
        return Http.JSON.createObjectNode();
    }

    /** The endpoint's key as {@link #mapped} writes it. */
    public static String key(Endpoint e) {
        return e.method() + " " + e.template();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
