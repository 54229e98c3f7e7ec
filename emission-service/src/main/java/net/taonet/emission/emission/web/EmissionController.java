package net.taonet.emission.emission.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import net.taonet.emission.emission.domain.EmissionOverview;
import net.taonet.emission.emission.domain.EmissionOverview.Overview;
import net.taonet.emission.emission.domain.SettlementService;
import net.taonet.emission.emission.domain.SettlementService.EpochPayouts;
import net.taonet.emission.emission.domain.SettlementService.SettlementRecord;
import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.emission.web.Addresses;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Emission state and settlement history. */
@Tag(name = "emission", description = "Issuance, halvings, subnet shares and settled epochs")
@RestController
@RequestMapping("/api/v1/emission")
public class EmissionController {

    private final EmissionOverview overview;
    private final SettlementService settlements;
    private final NetworkDirectory network;

    public EmissionController(EmissionOverview overview, SettlementService settlements, NetworkDirectory network) {
        this.overview = overview;
        this.settlements = settlements;
        this.network = network;
    }

    @Operation(operationId = "getEmission", summary = "Issuance, halvings, block emission, split policy, each subnet's share and pending accrual")
    @GetMapping
    public Overview overview() {
        return overview.overview();
    }

    @Operation(operationId = "listSettlements", summary = "A subnet's settled epochs, newest first")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @ProblemResponse(status = 400, type = "invalid-limit", detail = "limit must be between 1 and 500")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @GetMapping("/subnets/{netuid}/settlements")
    public List<SettlementRecord> settlements(@PathVariable int netuid, @RequestParam(defaultValue = "20") int limit) {
        Addresses.requireNetuid(netuid);
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be within 1..500");
        }
        network.knownSubnet(netuid);
        return settlements.settlements(netuid, limit);
    }

    /**
     * What each UID received in a settled epoch (the latest one unless {@code epoch} is given): the
     * metagraph's per-UID emission.
     */
    @Operation(operationId = "getPayouts", summary = "Per-UID payouts of the latest (or the given) settled epoch")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @ProblemResponse(status = 400, type = "invalid-epoch", detail = "epoch must not be negative")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @ProblemResponse(status = 404, type = "unknown-epoch", detail = "epoch 41 of subnet 1 is not settled")
    @GetMapping("/subnets/{netuid}/payouts")
    public EpochPayouts payouts(@PathVariable int netuid, @RequestParam(required = false) Long epoch) {
        if (netuid < 0 || netuid > 65_535) {
            throw ApiProblem.badRequest("invalid-netuid", "netuid must be within 0..65535");
        }
        if (epoch != null && epoch < 0) {
            throw ApiProblem.badRequest("invalid-epoch", "epoch must be 0 or more");
        }
        network.knownSubnet(netuid);
        return settlements.payouts(netuid, epoch).orElseThrow(() -> epoch == null
                ? ApiProblem.notFound("unknown-epoch", "subnet " + netuid + " has no settled epoch")
                : ApiProblem.notFound("unknown-epoch", "epoch " + epoch + " of subnet " + netuid + " is not settled"));
    }

    /** Completed epochs that wait to be settled, with the reason. */
    @Operation(operationId = "listPendingSettlements", summary = "Completed epochs waiting to be settled, with the reason")
    @GetMapping("/pending")
    public Map<String, Object> pending() {
        return settlements.pending();
    }
}
