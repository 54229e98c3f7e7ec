package net.taonet.registry.neuron.web;

import java.util.List;
import java.util.Map;
import net.taonet.registry.neuron.domain.Neuron;
import net.taonet.registry.neuron.domain.PruneRule;
import net.taonet.registry.neuron.domain.Serving;
import net.taonet.registry.subnet.domain.Subnet;

/** Response bodies of the neuron endpoints. */
public final class NeuronViews {

    private NeuronViews() {
    }

    /** {@code POST /api/v1/subnets/{netuid}/neurons} body. */
    public record RegisterRequest(String hotkey, Long maxPriceRao) {
    }

    /** A UID now; {@code immune} per spec/protocol.md §4, {@code emissionRao} of the last settled epoch. */
    public record NeuronView(int netuid, int uid, String hotkey, String coldkey, long registrationBlock, boolean owner,
            boolean immune, long immuneUntilBlock, long emissionRao, long stakeRao, long burnRao, Serving serving) {
    }

    public record NeuronList(int netuid, long block, int maxAllowedUids, List<NeuronView> neurons) {
    }

    public record HotkeyNeurons(String hotkey, String coldkey, List<NeuronView> neurons) {
    }

    static NeuronView view(Subnet s, Neuron n, long block, Map<String, Long> stakes, Map<Integer, Serving> serving) {
        long immunity = s.hyperparameters().immunityPeriod();
        Serving sv = serving.get(n.uid());
        return new NeuronView(n.netuid(), n.uid(), n.hotkey(), n.coldkey(), n.registeredAtBlock(),
                n.hotkey().equals(s.ownerHotkey()), PruneRule.immune(n.registeredAtBlock(), block, immunity),
                n.registeredAtBlock() + immunity, n.emissionRao(), stakes.getOrDefault(n.hotkey(), 0L), n.burnRao(),
                sv != null && sv.hotkey().equals(n.hotkey()) ? sv : null);
    }
}
