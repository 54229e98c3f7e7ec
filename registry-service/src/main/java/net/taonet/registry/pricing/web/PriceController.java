package net.taonet.registry.pricing.web;

import java.util.List;
import net.taonet.platform.chain.BlockClock;
import net.taonet.registry.neuron.domain.NeuronRepository;
import net.taonet.registry.subnet.domain.SubnetService;
import net.taonet.registry.subnet.domain.SubnetService.LockTerms;
import net.taonet.registry.subnet.web.SubnetController;
import net.taonet.registry.subnet.web.SubnetViews.RegistrationPriceView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/prices")
public class PriceController {

    private final SubnetService subnets;
    private final NeuronRepository neurons;
    private final BlockClock clock;

    public PriceController(SubnetService subnets, NeuronRepository neurons, BlockClock clock) {
        this.subnets = subnets;
        this.neurons = neurons;
        this.clock = clock;
    }

    /** Every price now: the lock cost of a new subnet and each subnet's registration price. */
    public record Prices(long block, long lockCostRao, long nextCreationBlock, List<SubnetPrice> subnets) {
    }

    public record SubnetPrice(int netuid, long registrationPriceRao) {
    }

    @GetMapping
    public Prices all() {
        LockTerms terms = subnets.lockTerms();
        return new Prices(terms.block(), terms.lockCostRao(), terms.nextCreationBlock(), subnets.all().stream()
                .map(s -> new SubnetPrice(s.netuid(), s.registrationPriceAt(terms.block()))).toList());
    }

    @GetMapping("/lock-cost")
    public LockTerms lockCost() {
        return subnets.lockTerms();
    }

    @GetMapping("/registration/{netuid}")
    public RegistrationPriceView registration(@PathVariable int netuid) {
        return SubnetController.registrationPriceView(subnets, neurons, clock, netuid);
    }
}
