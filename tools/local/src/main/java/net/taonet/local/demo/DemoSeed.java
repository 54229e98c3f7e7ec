package net.taonet.local.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.taonet.cli.http.RemoteException;
import net.taonet.cli.http.TaonetClient;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import tools.jackson.databind.JsonNode;

/**
 * Seeds the demo network of {@link DemoPlan} through the network's public API (the gateway), with the
 * command-line client's signed HTTP client: observe the network, do the missing steps, repeat until nothing
 * is missing. Then it writes the marker file, so that a later {@code up} leaves the network alone; a seed that
 * stopped half-way (no marker) resumes with what is still missing.
 */
public final class DemoSeed {

    /** The local network's admin key (the services' local default): faucet and admin hyperparameters. */
    public static final String ADMIN_KEY = "local-admin-key";
    static final String ADMIN_HEADER = "X-Taonet-Admin-Key";

    private final TaonetClient client;
    private final DemoPlan plan;
    private final PrintStream out;
    private final Map<String, RequestSigner> signers = new HashMap<>();
    private final Duration retryPause;

    public DemoSeed(URI gateway, DemoPlan plan, PrintStream out) {
        this(new TaonetClient(gateway, Duration.ofSeconds(30)), plan, out, Duration.ofSeconds(2));
    }

    DemoSeed(TaonetClient client, DemoPlan plan, PrintStream out, Duration retryPause) {
        this.client = client;
        this.plan = plan;
        this.out = out;
        this.retryPause = retryPause;
    }

    /** Whether {@code marker} says the demo was seeded completely. */
    public static boolean seeded(Path marker) {
        return Files.isRegularFile(marker);
    }

    /**
     * Does what is missing until nothing is, within {@code timeout}; writes {@code marker} at the end.
     *
     * @return the final state
     * @throws IllegalStateException when a step is refused for good or the time is up
     */
    public DemoState run(Path marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastTransient = null;
        while (true) {
            DemoState state = observe();
            List<DemoPlan.Step> steps = plan.next(state);
            if (steps.isEmpty()) {
                writeMarker(marker, state);
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo seed did not finish within " + timeout.toSeconds() + " s; "
                        + "still missing: " + steps.stream().map(DemoPlan.Step::describe).toList()
                        + (lastTransient == null ? "" : " (last answer: " + lastTransient + ")"));
            }
            boolean progressed = false;
            for (DemoPlan.Step step : steps) {
                try {
                    execute(step);
                    out.println("  demo: " + step.describe());
                    progressed = true;
                } catch (RemoteException e) {
                    if (!transientRefusal(e)) {
                        throw new IllegalStateException("demo seed: cannot " + step.describe() + ": " + e.getMessage(), e);
                    }
                    lastTransient = e.getMessage();
                }
            }
            if (!progressed) {
                pause();
            }
        }
    }

    /**
     * Refusals that pass by themselves: a rate limit (subnet creation), a service that is still catching up
     * (5xx, unreachable), a subnet or UID not yet known to the service asked (events still travelling), a
     * hotkey registered meanwhile.
     */
    static boolean transientRefusal(RemoteException e) {
        return e.status() == 0 || e.status() == 429 || e.status() >= 500 || e.status() == 404
                || "hotkey-already-registered".equals(e.problemType())
                || "not-registered".equals(e.problemType())
                || "unknown-neuron".equals(e.problemType())
                || "hotkey-not-registered".equals(e.problemType());
    }

    DemoState observe() {
        Map<String, Integer> subnets = new TreeMap<>();
        Map<Integer, Map<String, String>> hyperparameters = new HashMap<>();
        JsonNode list = client.get("/api/v1/subnets");
        for (JsonNode subnet : list.path("subnets")) {
            if (!plan.owner().address().equals(subnet.path("ownerColdkey").asString(""))) {
                continue;
            }
            String taskType = subnet.path("taskType").asString("");
            int netuid = subnet.path("netuid").asInt();
            subnets.merge(taskType, netuid, Math::min);
        }
        for (int netuid : subnets.values()) {
            Map<String, String> values = new HashMap<>();
            JsonNode h = client.get("/api/v1/subnets/" + netuid + "/hyperparameters").path("hyperparameters");
            for (var field : h.properties()) {
                values.put(field.getKey(), field.getValue().asString(field.getValue().toString()));
            }
            hyperparameters.put(netuid, values);
        }
        Map<String, Long> free = new HashMap<>();
        Map<DemoState.Position, Long> stakes = new HashMap<>();
        for (String coldkey : plan.coldkeysToObserve()) {
            JsonNode account;
            try {
                account = client.get("/api/v1/accounts/" + coldkey);
            } catch (RemoteException e) {
                if (e.status() == 404) {
                    continue;
                }
                throw e;
            }
            free.put(coldkey, account.path("freeRao").asLong());
            for (JsonNode p : account.path("positions")) {
                stakes.merge(new DemoState.Position(coldkey, p.path("hotkey").asString(""), p.path("netuid").asInt()),
                        p.path("stakeRao").asLong(), Long::sum);
            }
        }
        Set<DemoState.Registration> registered = new HashSet<>();
        for (String hotkey : plan.hotkeysToObserve()) {
            JsonNode answer;
            try {
                answer = client.get("/api/v1/neurons/" + hotkey);
            } catch (RemoteException e) {
                if (e.status() == 404) {
                    continue;
                }
                throw e;
            }
            JsonNode neurons = answer.isArray() ? answer : answer.path("neurons");
            for (JsonNode n : neurons) {
                registered.add(new DemoState.Registration(hotkey, n.path("netuid").asInt()));
            }
        }
        return new DemoState(subnets, hyperparameters, free, registered, stakes);
    }

    void execute(DemoPlan.Step step) {
        if (step instanceof DemoPlan.CreateSubnet c) {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("name", c.subnet().name());
            identity.put("description", c.subnet().description());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ownerColdkey", plan.owner().address());
            body.put("ownerHotkey", plan.ownerHotkey().address());
            body.put("taskType", c.subnet().taskType());
            body.put("identity", identity);
            client.exchange("POST", "/api/v1/subnets", body, signer(plan.owner()),
                    Map.of(TaonetClient.IDEMPOTENCY_HEADER, key("subnet", c.subnet().taskType())));
        } else if (step instanceof DemoPlan.SetHyperparameter h) {
            client.exchange("PUT",
                "/api/v1/subnets/" + h.netuid() + "/hyperparameters/" + h.name(), Map.of("value", h.value()), null,
                Map.of(ADMIN_HEADER, ADMIN_KEY));
        } else if (step instanceof DemoPlan.Fund f) {
            client.exchange("POST", "/api/v1/faucet",
                Map.of("address", f.funding().address(), "amountRao", f.funding().amountRao()), null,
                Map.of(ADMIN_HEADER, ADMIN_KEY,
                        TaonetClient.IDEMPOTENCY_HEADER, key("fund", f.funding().address(), Long.toString(f.observedRao()))));
        } else if (step instanceof DemoPlan.Register r) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("hotkey", r.seat().hotkey().address());
            body.put("maxPriceRao", DemoPlan.MAX_REGISTRATION_PRICE_RAO);
            client.exchange("POST", "/api/v1/subnets/" + r.netuid() + "/neurons", body, signer(r.seat().coldkey()),
                    Map.of(TaonetClient.IDEMPOTENCY_HEADER, key("register", r.seat().hotkey().address(),
                            Integer.toString(r.netuid()))));
        } else if (step instanceof DemoPlan.AddStake s) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("coldkey", s.stake().coldkey().address());
            body.put("hotkey", s.stake().hotkey());
            body.put("netuid", s.netuid());
            body.put("amountRao", s.amountRao());
            client.exchange("POST", "/api/v1/stakes/add", body, signer(s.stake().coldkey()),
                    Map.of(TaonetClient.IDEMPOTENCY_HEADER, key("stake", s.stake().coldkey().address(),
                            s.stake().hotkey(), Integer.toString(s.netuid()), Long.toString(s.amountRao()))));
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
    }

    /**
     * An idempotency key for a step: the same step retried after a lost answer has one effect. Funding and stake
     * keys include what was observed (the balance, the amount missing), so a later top-up, needed because the
     * balance or position fell short again, is a new request.
     */
    static String key(String kind, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "demo-" + kind + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestSigner signer(KeyPair key) {
        return signers.computeIfAbsent(key.address(), a -> TaonetClient.signer(key));
    }

    private void writeMarker(Path marker, DemoState state) {
        try {
            Files.createDirectories(marker.getParent());
            StringBuilder text = new StringBuilder("seeded " + Instant.now() + "\n");
            state.subnets().forEach((type, netuid) -> text.append("subnet ").append(type).append(' ').append(netuid).append('\n'));
            Files.writeString(marker, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
