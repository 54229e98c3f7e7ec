package net.taonet.scoring.metagraph.messaging;

import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.events.registry.SubnetDissolved;
import net.taonet.events.registry.SubnetHyperparametersChanged;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.scoring.metagraph.domain.Metagraph;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the projection up to date. Each event's effect and its id commit together (IdempotentConsumer);
 * event types this service does not need are skipped.
 */
@Component
public class MetagraphListener {

    static final String CONSUMER = "scoring.metagraph";

    private final Metagraph metagraph;
    private final IdempotentConsumer inbox;
    private final EventCodec codec;

    public MetagraphListener(Metagraph metagraph, IdempotentConsumer inbox, EventCodec codec) {
        this.metagraph = metagraph;
        this.inbox = inbox;
        this.codec = codec;
    }

    @KafkaListener(id = "scoring-metagraph", topics = {Topics.REGISTRY_SUBNETS, Topics.REGISTRY_NEURONS,
            Topics.LEDGER_STAKES, Topics.CONSENSUS_EPOCHS})
    public void onEvent(ConsumerRecord<String, String> record) {
        apply(InboundEvent.from(record));
    }

    /** Applies one event at most once; returns whether it had an effect now. */
    public boolean apply(InboundEvent event) {
        Runnable effect = effectOf(event);
        if (effect == null) {
            return false;
        }
        return inbox.processOnce(CONSUMER, event.eventId(), effect);
    }

    private Runnable effectOf(InboundEvent event) {
        if (event.is(EventCatalog.SUBNET_REGISTERED)) {
            SubnetRegistered e = event.decode(EventCatalog.SUBNET_REGISTERED, codec);
            return () -> {
                metagraph.upsertSubnet(e.netuid(), e.ownerHotkey(), e.taskType(), e.hyperparameters(),
                        e.registeredAtBlock());
                metagraph.putNeuron(e.netuid(), 0, e.ownerHotkey(), null, e.registeredAtBlock());
            };
        }
        if (event.is(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED)) {
            SubnetHyperparametersChanged e = event.decode(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED, codec);
            return () -> metagraph.updateHyperparameters(e.netuid(), e.hyperparameters());
        }
        if (event.is(EventCatalog.SUBNET_DISSOLVED)) {
            SubnetDissolved e = event.decode(EventCatalog.SUBNET_DISSOLVED, codec);
            return () -> metagraph.dissolve(e.netuid());
        }
        if (event.is(EventCatalog.NEURON_REGISTERED)) {
            NeuronRegistered e = event.decode(EventCatalog.NEURON_REGISTERED, codec);
            return () -> metagraph.putNeuron(e.netuid(), e.uid(), e.hotkey(), e.coldkey(), e.registrationBlock());
        }
        if (event.is(EventCatalog.NEURON_REPLACED)) {
            NeuronReplaced e = event.decode(EventCatalog.NEURON_REPLACED, codec);
            return () -> metagraph.putNeuron(e.netuid(), e.uid(), e.hotkey(), e.coldkey(), e.registrationBlock());
        }
        if (event.is(EventCatalog.STAKE_CHANGED)) {
            StakeChanged e = event.decode(EventCatalog.STAKE_CHANGED, codec);
            return () -> metagraph.setStake(e.netuid(), e.hotkey(), e.hotkeyTotalRao());
        }
        if (event.is(EventCatalog.EPOCH_COMPLETED)) {
            EpochCompleted e = event.decode(EventCatalog.EPOCH_COMPLETED, codec);
            return () -> metagraph.recordEpoch(e);
        }
        return null;
    }
}
