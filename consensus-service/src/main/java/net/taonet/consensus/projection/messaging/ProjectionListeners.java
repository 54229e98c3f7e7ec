package net.taonet.consensus.projection.messaging;

import net.taonet.consensus.projection.domain.ProjectionStore;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies registry, ledger and scoring events to the epoch's input projections. */
@Component
public class ProjectionListeners {

    static final String SUBNETS = "consensus.subnets";
    static final String NEURONS = "consensus.neurons";
    static final String STAKES = "consensus.stakes";
    static final String WEIGHTS = "consensus.weights";

    private final IdempotentConsumer inbox;
    private final EventCodec codec;
    private final ProjectionStore store;

    public ProjectionListeners(IdempotentConsumer inbox, EventCodec codec, ProjectionStore store) {
        this.inbox = inbox;
        this.codec = codec;
        this.store = store;
    }

    @KafkaListener(id = "consensus-subnets", idIsGroup = false, topics = Topics.REGISTRY_SUBNETS)
    public void onSubnetEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (event.is(EventCatalog.SUBNET_REGISTERED)) {
            var payload = event.decode(EventCatalog.SUBNET_REGISTERED, codec);
            inbox.processOnce(SUBNETS, event.eventId(), () -> store.subnetRegistered(payload));
        } else if (event.is(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED)) {
            var payload = event.decode(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED, codec);
            inbox.processOnce(SUBNETS, event.eventId(), () -> store.hyperparametersChanged(payload));
        } else if (event.is(EventCatalog.SUBNET_DISSOLVED)) {
            var payload = event.decode(EventCatalog.SUBNET_DISSOLVED, codec);
            inbox.processOnce(SUBNETS, event.eventId(), () -> store.subnetDissolved(payload));
        }
    }

    @KafkaListener(id = "consensus-neurons", idIsGroup = false, topics = Topics.REGISTRY_NEURONS)
    public void onNeuronEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (event.is(EventCatalog.NEURON_REGISTERED)) {
            var payload = event.decode(EventCatalog.NEURON_REGISTERED, codec);
            inbox.processOnce(NEURONS, event.eventId(), () -> store.neuronRegistered(payload));
        } else if (event.is(EventCatalog.NEURON_REPLACED)) {
            var payload = event.decode(EventCatalog.NEURON_REPLACED, codec);
            inbox.processOnce(NEURONS, event.eventId(), () -> store.neuronReplaced(payload));
        }
    }

    @KafkaListener(id = "consensus-stakes", idIsGroup = false, topics = Topics.LEDGER_STAKES)
    public void onStakeEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (event.is(EventCatalog.STAKE_CHANGED)) {
            var payload = event.decode(EventCatalog.STAKE_CHANGED, codec);
            inbox.processOnce(STAKES, event.eventId(), () -> store.stakeChanged(payload, event.block()));
        }
    }

    @KafkaListener(id = "consensus-weights", idIsGroup = false, topics = Topics.SCORING_WEIGHTS)
    public void onWeightsEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (event.is(EventCatalog.WEIGHTS_SET)) {
            var payload = event.decode(EventCatalog.WEIGHTS_SET, codec);
            inbox.processOnce(WEIGHTS, event.eventId(), () -> store.weightsSet(payload));
        } else if (event.is(EventCatalog.WEIGHTS_COMMITTED)) {
            var payload = event.decode(EventCatalog.WEIGHTS_COMMITTED, codec);
            inbox.processOnce(WEIGHTS, event.eventId(), () -> store.weightsCommitted(payload));
        }
    }
}
