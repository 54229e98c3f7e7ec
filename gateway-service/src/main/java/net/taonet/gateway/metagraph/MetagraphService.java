package net.taonet.gateway.metagraph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.taonet.gateway.upstream.Upstreams;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Composes a subnet's metagraph from the registry (who holds which UID, coldkeys, serving metadata),
 * the ledger (stake now) and consensus (the outputs of the latest or a past epoch). Answers are cached per
 * (subnet, epoch) and at most {@link #FRESHNESS} old, so a dashboard polling every block costs the services
 * a handful of calls per epoch instead of three per poll.
 */
@Service
public class MetagraphService {

    static final Duration FRESHNESS = Duration.ofSeconds(5);

    private final Upstreams upstreams;
    private final BlockClock clock;
    private final Map<String, Mono<Metagraph>> cache = new ConcurrentHashMap<>();

    public MetagraphService(Upstreams upstreams, BlockClock clock) {
        this.upstreams = upstreams;
        this.clock = clock;
    }

    public Mono<Metagraph> metagraph(int netuid, Long atBlock) {
        if (netuid < 0 || netuid > 65_535) {
            return Mono.error(ApiProblem.badRequest("invalid-netuid", "netuid must be within 0..65535"));
        }
        if (atBlock != null && (atBlock < 0 || atBlock > clock.currentBlock())) {
            return Mono.error(ApiProblem.badRequest("invalid-block", "block must be within 0.." + clock.currentBlock()));
        }
        return get(upstreams.registry(), "/api/v1/subnets/{netuid}", netuid)
                .switchIfEmpty(Mono.error(ApiProblem.notFound("unknown-subnet", "no subnet " + netuid)))
                .flatMap(subnet -> {
                    int tempo = subnet.path("hyperparameters").path("tempo").asInt(360);
                    long block = atBlock == null ? clock.currentBlock() : atBlock;
                    long epochIndex = EpochSchedule.epochIndex(netuid, tempo, block);
                    String key = netuid + "@" + epochIndex + (atBlock == null ? "" : "/past");
                    return cache.computeIfAbsent(key, k -> compose(netuid, atBlock == null ? null : epochIndex, block)
                            .cache(value -> atBlock == null ? FRESHNESS : Duration.ofMinutes(10),
                                    error -> Duration.ZERO, () -> Duration.ZERO))
                            .doOnError(e -> cache.remove(key));
                })
                .doFinally(signal -> evictOld());
    }

    private Mono<Metagraph> compose(int netuid, Long pastEpoch, long block) {
        Mono<JsonNode> epochDetail = (pastEpoch == null
                ? get(upstreams.consensus(), "/api/v1/subnets/{netuid}/consensus", netuid)
                        .flatMap(view -> view.path("epoch").isNumber()
                                ? get(upstreams.consensus(), "/api/v1/subnets/{netuid}/epochs/{epoch}", netuid,
                                        view.path("epoch").asLong())
                                : Mono.<JsonNode>empty())
                : get(upstreams.consensus(), "/api/v1/subnets/{netuid}/epochs/{epoch}", netuid, pastEpoch))
                .defaultIfEmpty(JsonNodeFactory.instance.objectNode());
        Mono<JsonNode> neurons = get(upstreams.registry(), "/api/v1/subnets/{netuid}/neurons", netuid)
                .defaultIfEmpty(JsonNodeFactory.instance.arrayNode());
        Mono<JsonNode> stakes = get(upstreams.emission(), "/api/v1/stakes/subnets/{netuid}", netuid)
                .defaultIfEmpty(JsonNodeFactory.instance.objectNode());
        Mono<JsonNode> settlements = get(upstreams.emission(), "/api/v1/emission/subnets/{netuid}/payouts", netuid)
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(JsonNodeFactory.instance.objectNode());
        return Mono.zip(epochDetail, neurons, stakes, settlements)
                .map(t -> assemble(netuid, block, t.getT1(), t.getT2(), t.getT3(), t.getT4()));
    }

    static Metagraph assemble(int netuid, long block, JsonNode epoch, JsonNode neurons, JsonNode stakes, JsonNode payouts) {
        Map<Integer, JsonNode> outcomes = new HashMap<>();
        for (JsonNode o : items(epoch, "outputs", "outcomes", "uids")) {
            outcomes.put(o.path("uid").asInt(), o);
        }
        JsonNode inputs = epoch.path("inputs");
        Map<String, Long> stakeByHotkey = new HashMap<>();
        for (JsonNode h : items(stakes, "hotkeys")) {
            stakeByHotkey.put(h.path("hotkey").asString(""), h.path("totalRao").asLong());
        }
        Map<Integer, Long> paid = new HashMap<>();
        boolean settled = payouts.path("epoch").isNumber() && epoch.path("epoch").isNumber()
                && payouts.path("epoch").asLong() == epoch.path("epoch").asLong();
        if (settled) {
            for (JsonNode p : items(payouts, "payouts")) {
                paid.put(p.path("uid").asInt(), p.path("minerRao").asLong() + p.path("validatorRao").asLong());
            }
        }
        TreeMap<Integer, JsonNode> registered = new TreeMap<>();
        for (JsonNode n : items(neurons, "neurons", "content")) {
            registered.put(n.path("uid").asInt(), n);
        }
        int n = Math.max(registered.isEmpty() ? 0 : registered.lastKey() + 1, inputs.path("n").asInt(0));
        List<MetagraphEntry> entries = new ArrayList<>(n);
        for (int uid = 0; uid < n; uid++) {
            JsonNode neuron = registered.get(uid);
            JsonNode out = outcomes.getOrDefault(uid, JsonNodeFactory.instance.objectNode());
            String hotkey = neuron != null ? neuron.path("hotkey").asString(null) : text(inputs.path("hotkeys").path(uid));
            Long lastUpdate = inputs.path("lastUpdate").path(uid).isNumber() ? inputs.path("lastUpdate").path(uid).asLong() : null;
            Long registeredAt = neuron != null && neuron.path("registrationBlock").isNumber()
                    ? neuron.path("registrationBlock").asLong()
                    : inputs.path("blockAtRegistration").path(uid).isNumber() ? inputs.path("blockAtRegistration").path(uid).asLong() : null;
            long emission = paid.containsKey(uid) ? paid.get(uid) : out.path("emission").asLong(0);
            entries.add(new MetagraphEntry(uid, hotkey,
                    neuron == null ? null : neuron.path("coldkey").asString(null),
                    hotkey == null ? 0 : stakeByHotkey.getOrDefault(hotkey, 0L),
                    out.path("incentive").asInt(0), out.path("dividends").asInt(0), out.path("consensus").asInt(0),
                    out.path("validatorTrust").asInt(0), out.path("stakeWeight").asInt(0), emission,
                    out.path("validatorPermit").asBoolean(false), out.path("active").asBoolean(false),
                    lastUpdate, registeredAt, neuron == null ? null : neuron.get("serving")));
        }
        Long epochIndex = epoch.path("epoch").isNumber() ? epoch.path("epoch").asLong() : null;
        Long epochBlock = epoch.path("block").isNumber() ? epoch.path("block").asLong() : null;
        return new Metagraph(netuid, epochIndex, epochBlock, block, n, entries);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static Iterable<JsonNode> items(JsonNode node, String... fields) {
        if (node.isArray()) {
            return node;
        }
        for (String field : fields) {
            if (node.path(field).isArray()) {
                return node.path(field);
            }
        }
        return List.of();
    }

    /** A 404 is an empty answer; anything else unavailable is a 503 problem naming the service. */
    private Mono<JsonNode> get(WebClient client, String uri, Object... vars) {
        return client.get().uri(uri, vars).retrieve().bodyToMono(JsonNode.class)
                .timeout(Duration.ofSeconds(5))
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.empty())
                .onErrorMap(e -> !(e instanceof ApiProblem),
                        e -> ApiProblem.unavailable("upstream-unavailable", "a service the metagraph needs is not answering"));
    }

    private void evictOld() {
        if (cache.size() > 1_000) {
            cache.clear();
        }
    }
}
