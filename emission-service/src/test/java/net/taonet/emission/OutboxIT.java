package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.taonet.emission.stake.domain.StakeService;
import net.taonet.events.Topics;
import net.taonet.identity.KeyPair;
import net.taonet.platform.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Events leave only with the state change: a rollback publishes nothing. */
class OutboxIT extends LedgerItSupport {

    @Autowired
    StakeService stakes;
    @Autowired
    OutboxRelay relay;

    @Test
    void aRolledBackStakeMovePublishesNothing() {
        int netuid = nextNetuid();
        KeyPair owner = key(), hot = key(), marker = key(), coldkey = key();
        registerSubnet(netuid, owner, key());
        registerNeuron(netuid, 1, hot, owner);
        registerNeuron(netuid, 2, marker, owner);
        fund(coldkey.address(), 10 * TAO);
        long outboxBefore = relay.backlog();
        var before = audit();

        try (KafkaConsumer<String, String> events = consumer(Topics.LEDGER_STAKES)) {
            new TransactionTemplate(txManager).executeWithoutResult(status -> {
                stakes.add(coldkey.address(), hot.address(), netuid, 3 * TAO, "rolled-back");
                status.setRollbackOnly(); // e.g. a later step of the same command failed
            });
            assertThat(stake(coldkey.address(), hot.address(), netuid)).isZero();
            assertThat(audit().figures().get("journalTransactions")).isEqualTo(before.figures().get("journalTransactions"));

            // A committed move on the same subnet (same key, same partition, so it comes after anything earlier).
            new TransactionTemplate(txManager).executeWithoutResult(status ->
                    stakes.add(coldkey.address(), marker.address(), netuid, 2 * TAO, "committed"));
            List<ConsumerRecord<String, String>> seen = collect(events, r -> r.key().equals(Integer.toString(netuid)),
                    l -> l.stream().anyMatch(r -> r.value().contains(marker.address())), Duration.ofSeconds(20));
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).value()).contains(marker.address()).doesNotContain(hot.address());
        }
        assertThat(relay.backlog()).isLessThanOrEqualTo(outboxBefore);
    }
}
