package net.taonet.emission.emission.web;

import java.util.List;
import java.util.Map;
import net.taonet.emission.emission.domain.EmissionOverview;
import net.taonet.emission.emission.domain.EmissionOverview.Overview;
import net.taonet.emission.emission.domain.SettlementService;
import net.taonet.emission.emission.domain.SettlementService.SettlementRecord;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Emission state and settlement history. */
@RestController
@RequestMapping("/api/v1/emission")
public class EmissionController {

    private final EmissionOverview overview;
    private final SettlementService settlements;

    public EmissionController(EmissionOverview overview, SettlementService settlements) {
        this.overview = overview;
        this.settlements = settlements;
    }

    @GetMapping
    public Overview overview() {
        return overview.overview();
    }

    @GetMapping("/subnets/{netuid}/settlements")
    public List<SettlementRecord> settlements(@PathVariable int netuid, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be within 1..500");
        }
        return settlements.settlements(netuid, limit);
    }

    /** Completed epochs that wait to be settled, with the reason. */
    @GetMapping("/pending")
    public Map<String, Object> pending() {
        return settlements.pending();
    }
}
