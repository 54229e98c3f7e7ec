package net.taonet.registry.neuron.domain;

import java.util.List;
import net.taonet.events.ledger.EpochSettled;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.registry.subnet.domain.SubnetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the ledger's events tell the registry: each UID's emission in the last settled epoch (the prune
 * rule's measure) and each hotkey's stake (shown with the neurons). Called inside the idempotent
 * consumer's transaction.
 */
@Service
public class LedgerFacts {

    private static final Logger log = LoggerFactory.getLogger(LedgerFacts.class);

    private final SubnetRepository subnets;
    private final NeuronRepository neurons;

    public LedgerFacts(SubnetRepository subnets, NeuronRepository neurons) {
        this.subnets = subnets;
        this.neurons = neurons;
    }

    /**
     * Records the emission of a settled epoch if it is newer than the one held. A payout counts for a UID only
     * if it went to the hotkey holding the UID now: a UID replaced after the epoch ran starts from 0.
     */
    public boolean epochSettled(EpochSettled e) {
        if (!subnets.advanceSettledEpoch(e.netuid(), e.epoch())) {
            log.debug("subnet {}: settlement of epoch {} is not newer than the one held (or no such subnet)",
                    e.netuid(), e.epoch());
            return false;
        }
        List<NeuronRepository.EmissionOfUid> emissions = e.payouts() == null ? List.of() : e.payouts().stream()
                .map(p -> new NeuronRepository.EmissionOfUid(p.uid(), p.hotkey(),
                        Math.addExact(p.minerRao(), p.validatorRao())))
                .toList();
        neurons.setEmissions(e.netuid(), emissions);
        return true;
    }

    public void stakeChanged(StakeChanged e) {
        neurons.setStake(e.netuid(), e.hotkey(), e.hotkeyTotalRao());
    }
}
