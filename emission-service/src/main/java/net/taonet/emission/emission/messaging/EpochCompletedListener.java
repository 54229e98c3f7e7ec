package net.taonet.emission.emission.messaging;

import net.taonet.emission.emission.domain.SettlementService;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives {@code EpochCompleted}: once per event id, settles it in the transaction that records the id
 * (or keeps it in the inbox when it must wait), then settles whatever of its subnet waits, in order.
 */
@Component
public class EpochCompletedListener {

    static final String CONSUMER = "emission.epochs";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EpochCompletedListener.class);

    private final SettlementService settlements;
    private final IdempotentConsumer consumer;
    private final EventCodec codec;

    public EpochCompletedListener(SettlementService settlements, IdempotentConsumer consumer, EventCodec codec) {
        this.settlements = settlements;
        this.consumer = consumer;
        this.codec = codec;
    }

    @KafkaListener(topics = Topics.CONSENSUS_EPOCHS)
    public void on(ConsumerRecord<String, String> record) {
        handle(InboundEvent.from(record));
    }

    /** Returns how many epochs were settled now (public for tests that deliver events directly). */
    public int handle(InboundEvent event) {
        if (!event.is(EventCatalog.EPOCH_COMPLETED)) {
            return 0;
        }
        EpochCompleted e = event.decode(EventCatalog.EPOCH_COMPLETED, codec);
        SettlementService.validate(e);
        SettlementService.Result now = consumer.processOnce(CONSUMER, event.eventId(),
                () -> settlements.accept(event.eventId(), e));
        try {
            return (now == SettlementService.Result.SETTLED ? 1 : 0) + settlements.settlePending(e.netuid());
        } catch (RuntimeException ex) {
            // The epoch is safely recorded in the inbox: the retry settles it, the record is done with.
            log.warn("settling subnet {} failed, will retry: {}", e.netuid(), ex.getMessage());
            return 0;
        }
    }
}
