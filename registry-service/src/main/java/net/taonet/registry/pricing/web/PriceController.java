package net.taonet.registry.pricing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.registry.neuron.domain.NeuronRepository;
import net.taonet.registry.subnet.domain.SubnetService;
import net.taonet.registry.subnet.domain.SubnetService.LockTerms;
import net.taonet.registry.subnet.web.SubnetController;
import net.taonet.registry.subnet.web.SubnetViews.RegistrationPriceView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "prices", description = "Lock cost and registration prices")
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

    @Operation(operationId = "listPrices", summary = "The lock cost and every subnet's registration price now")
    @GetMapping
    public Prices all() {
        LockTerms terms = subnets.lockTerms();
        return new Prices(terms.block(), terms.lockCostRao(), terms.nextCreationBlock(), subnets.all().stream()
                .map(s -> new SubnetPrice(s.netuid(), s.registrationPriceAt(terms.block()))).toList());
    }

    @Operation(operationId = "getLockCost", summary = "The lock cost of creating a subnet now, and when the next creation is allowed")
    @GetMapping("/lock-cost")
    public LockTerms lockCost() {
        return subnets.lockTerms();
    }

    @Operation(operationId = "getSubnetRegistrationPrice", summary = "A subnet's registration price (as /subnets/{netuid}/registration-price)")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @GetMapping("/registration/{netuid}")
    public RegistrationPriceView registration(@PathVariable int netuid) {
        return SubnetController.registrationPriceView(subnets, neurons, clock, netuid);
    }
}
