package net.taonet.systemtests.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.taonet.systemtests.badinput.HostileRequests.Probe;
import net.taonet.systemtests.support.Http;
import net.taonet.systemtests.support.Http.Call;
import net.taonet.systemtests.support.Http.Response;
import net.taonet.systemtests.support.Keys;
import net.taonet.systemtests.support.NetworkState;
import net.taonet.systemtests.support.SystemNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input drill: every public endpoint, through the gateway, with a generated set of malformed and
 * hostile requests ({@link HostileRequests}). Each must be answered with a 4xx — never a 5xx, never a
 * success — and the network's state ({@link NetworkState}: the ledger's books, the registry, the API keys)
 * must be the same afterwards. Prints how many requests were tried.
 */
@ExtendWith(SystemNetwork.Extension.class)
class BadInputIT {

    static SystemNetwork net;
    static String apiKey;

    @BeforeAll
    static void network() {
        net = SystemNetwork.get();
        // an app key with room for the whole drill (the default rate limit would answer 429 to most of it)
        JsonNode created = net.gateway().postJson("/admin/api-keys", Map.of("name", "bad-input-drill",
                "requestsPerSecond", 100_000, "burst", 1_000_000), null,
                Map.of("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY)).json();
        apiKey = created.path("apiKey").asString();
    }

    @Test
    void theCatalogueCoversEveryEndpointTheServicesMap() {
        Set<String> catalogued = PublicEndpoints.all(net, apiKey).stream().map(PublicEndpoints::key)
                .collect(Collectors.toSet());
        Set<String> mapped = PublicEndpoints.mapped(net);
        assertThat(mapped).as("endpoints the services map").hasSizeGreaterThan(40);
        assertThat(catalogued).as("the drill's catalogue").containsAll(mapped);
    }

    @Test
    void malformedAndHostileRequestsAreRefusedWith4xxAndChangeNothing() throws Exception {
        HostileRequests generator = new HostileRequests(Keys.MALLORY);
        List<Endpoint> endpoints = PublicEndpoints.all(net, apiKey);
        NetworkState before = NetworkState.read(net);
        JsonNode auditBefore = net.audit();

        Map<Integer, Integer> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, Integer> byCategory = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> lenient = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger sentCount = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        // endpoints in parallel (each has signers of its own), each endpoint's requests in order
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                done.add(pool.submit(() -> {
                    for (Probe probe : generator.probes(endpoint)) {
                        if (probe.category().equals("baseline") && !endpoint.changesState()) {
                            continue; // a read's baseline is a good request
                        }
                        Call call = Http.signNow(probe.call());
                        List<Response> answers = new ArrayList<>();
                        Response first = net.gateway().send(call);
                        if (first.status() == -1) { // no answer in time on this loaded machine: ask once more
                            first = net.gateway().sendExactly(call.method(), call.pathAndQuery(), call.headers(), call.body());
                        }
                        answers.add(first);
                        if (probe.replay()) {
                            answers.add(net.gateway().sendExactly(call.method(), call.pathAndQuery(), call.headers(), call.body()));
                        }
                        for (Response r : answers) {
                            sentCount.incrementAndGet();
                            byStatus.merge(r.status(), 1, Integer::sum);
                            byCategory.merge(probe.category().replaceAll(":.*", ""), 1, Integer::sum);
                            if (!endpoint.changesState() && r.status() >= 200 && r.status() < 300) {
                                lenient.add(probe.call().method() + " " + probe.call().pathAndQuery());
                            } else if (r.status() < 400 || r.status() >= 500) {
                                wrong.add(r.status() + " for " + probe + " → " + r);
                            }
                        }
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int sent = sentCount.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[bad-input] %d requests to %d endpoints in %.1f s; by status %s; by kind %s%n",
                sent, endpoints.size(), seconds, byStatus, byCategory);
        wrong.stream().sorted(java.util.Comparator.reverseOrder()).limit(60)
                .forEach(w -> System.out.println("[bad-input] NOT REFUSED: " + w));
        System.out.println("[bad-input] reads answered 200 to a malformed or unknown id or parameter (no 5xx, nothing"
                + " changed, but no 4xx either): " + lenient.size());
        lenient.stream().sorted().forEach(l -> System.out.println("[bad-input] LENIENT READ: " + l));

        NetworkState after = NetworkState.read(net);
        JsonNode auditAfter = net.audit();
        assertThat(wrong).as("requests not answered with a 4xx (of %d)", sent).isEmpty();
        assertThat(before.diff(after)).as("state changed by refused requests").isEmpty();
        assertThat(auditAfter.path("ok").asBoolean()).isTrue();
        assertThat(auditAfter.path("figures").path("recycledRao").asLong())
                .as("nothing recycled by refused registrations").isEqualTo(auditBefore.path("figures").path("recycledRao").asLong());
        assertThat(sent).isGreaterThan(1_000);
    }
}
