package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import net.taonet.emission.network.messaging.RegistryEventsListener;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.platform.outbox.OutboxRelay;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.testsupport.TestKafka;
import net.taonet.testsupport.TestPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The service as it runs: starts on real PostgreSQL and Kafka and reports healthy; applies its genesis
 * allocations once; has the faucet only when enabled; and publishes what it committed even when it
 * stopped between the commit and the send (the outbox), after a restart on the same database.
 */
class EmissionApplicationIT {

    static final long TAO = 1_000_000_000L;

    @Test
    void restartsWithoutLosingEventsOrRepeatingGenesis() {
        KeyPair dev = KeyPair.generate();
        KeyPair hot = KeyPair.generate();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", TestPostgres.freshDatabase("emission_restart"));
        props.put("spring.kafka.consumer.group-id", "emission-restart-" + UUID.randomUUID());
        props.put("taonet.emission.faucet.enabled", "true");
        props.put("taonet.emission.genesis[0].address", dev.address());
        props.put("taonet.emission.genesis[0].amount-rao", Long.toString(1_000 * TAO));
        RequestSigner signer = new RequestSigner(dev);

        try (KafkaConsumer<String, String> stakes = consumer(Topics.LEDGER_STAKES)) {
            try (RunningService first = ServiceLauncher.start(EmissionApplication.class, "emission", props)) {
                RestClient http = client(first);
                assertThat(http.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
                assertThat(freeOf(http, dev)).isEqualTo(1_000 * TAO);

                String faucet = "{\"address\":\"" + dev.address() + "\",\"amountRao\":" + 5 * TAO + "}";
                assertThat(http.post().uri("/api/v1/faucet").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Taonet-Admin-Key", "local-admin-key").header("Idempotency-Key", "f1").body(faucet)
                        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
                assertThat(http.post().uri("/api/v1/faucet").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "f2").body(faucet)
                        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
                assertThat(freeOf(http, dev)).isEqualTo(1_005 * TAO);

                first.bean(RegistryEventsListener.class).handle(new InboundEvent(UUID.randomUUID(),
                        EventCatalog.SUBNET_REGISTERED.name(), 1, 1, Topics.REGISTRY_SUBNETS, "1",
                        first.bean(EventCodec.class).encode(new SubnetRegistered(1, dev.address(), hot.address(), "echo",
                                new SubnetIdentity("sn1", "", "", ""), Hyperparameters.defaults(), 0, 1))));

                // The relay stops (as if the process died right after committing), then the stake is added.
                first.bean(OutboxRelay.class).stop();
                String body = "{\"coldkey\":\"" + dev.address() + "\",\"hotkey\":\"" + hot.address()
                        + "\",\"netuid\":1,\"amountRao\":" + 100 * TAO + "}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                var added = http.post().uri("/api/v1/stakes/add").contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> signer.headers("POST", "/api/v1/stakes/add", bytes).forEach(h::add))
                        .header("Idempotency-Key", "s1").body(bytes).retrieve().toEntity(String.class);
                assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(200);
                assertThat(first.bean(OutboxRelay.class).backlog()).isEqualTo(1);
            }

            try (RunningService second = ServiceLauncher.start(EmissionApplication.class, "emission", props)) {
                List<ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    stakes.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (r.value().contains(hot.address())) {
                            seen.add(r);
                        }
                    });
                    return !seen.isEmpty();
                });
                assertThat(seen.get(0).value()).contains("\"hotkeyTotalRao\":" + 100 * TAO);
                assertThat(second.bean(OutboxRelay.class).backlog()).isZero();
                // Genesis is not applied a second time.
                assertThat(freeOf(client(second), dev)).isEqualTo(905 * TAO);
                assertThat(client(second).get().uri("/api/v1/audit").retrieve().body(String.class)).contains("\"ok\":true");
            }
        }
    }

    private static RestClient client(RunningService service) {
        return RestClient.builder().baseUrl(service.baseUrl()).defaultStatusHandler(s -> true, (req, res) -> { }).build();
    }

    private static long freeOf(RestClient http, KeyPair key) {
        String account = http.get().uri("/api/v1/accounts/" + key.address()).retrieve().body(String.class);
        return Long.parseLong(account.replaceAll(".*\"freeRao\":(\\d+).*", "$1"));
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        return c;
    }
}
