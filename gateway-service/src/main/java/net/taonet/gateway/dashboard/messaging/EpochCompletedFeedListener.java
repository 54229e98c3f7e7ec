package net.taonet.gateway.dashboard.messaging;

import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.gateway.dashboard.domain.LiveFeed;
import net.taonet.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Passes consensus' {@code EpochCompleted} to the live feed. Every gateway instance must see every epoch,
 * so each consumes in a group of its own, from the newest offset: a notice about an old epoch is worthless.
 */
@Component
public class EpochCompletedFeedListener {

    private final LiveFeed feed;
    private final EventCodec codec;

    public EpochCompletedFeedListener(LiveFeed feed, EventCodec codec) {
        this.feed = feed;
        this.codec = codec;
    }

    @KafkaListener(topics = Topics.CONSENSUS_EPOCHS,
            groupId = "gateway-live-#{T(java.util.UUID).randomUUID().toString()}",
            properties = "auto.offset.reset=latest")
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (event.is(EventCatalog.EPOCH_COMPLETED)) {
            EpochCompleted e = event.decode(EventCatalog.EPOCH_COMPLETED, codec);
            feed.epochCompleted(new LiveFeed.EpochDone(e.netuid(), e.epoch(), e.block()));
        }
    }
}
