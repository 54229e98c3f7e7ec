package net.taonet.registry.neuron.messaging;

import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.registry.neuron.domain.LedgerFacts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class LedgerEventsListener {

    static final String SETTLEMENTS = "registry-settlements";
    static final String STAKES = "registry-stakes";

    private final IdempotentConsumer inbox;
    private final EventCodec codec;
    private final LedgerFacts facts;

    public LedgerEventsListener(IdempotentConsumer inbox, EventCodec codec, LedgerFacts facts) {
        this.inbox = inbox;
        this.codec = codec;
        this.facts = facts;
    }

    @KafkaListener(id = "registry-settlements", idIsGroup = false, topics = Topics.LEDGER_SETTLEMENTS)
    public void onSettlement(ConsumerRecord<String, String> record) {
        handle(InboundEvent.from(record));
    }

    @KafkaListener(id = "registry-stakes", idIsGroup = false, topics = Topics.LEDGER_STAKES)
    public void onStake(ConsumerRecord<String, String> record) {
        handle(InboundEvent.from(record));
    }

    /** Applies one event at most once; false if it was a duplicate or not for this service. */
    public boolean handle(InboundEvent event) {
        if (event.is(EventCatalog.EPOCH_SETTLED)) {
            var e = event.decode(EventCatalog.EPOCH_SETTLED, codec);
            Boolean applied = inbox.processOnce(SETTLEMENTS, event.eventId(), () -> facts.epochSettled(e));
            return Boolean.TRUE.equals(applied);
        }
        if (event.is(EventCatalog.STAKE_CHANGED)) {
            var e = event.decode(EventCatalog.STAKE_CHANGED, codec);
            Runnable effect = () -> facts.stakeChanged(e);
            return inbox.processOnce(STAKES, event.eventId(), effect);
        }
        return false;
    }
}
