package net.taonet.gateway.metagraph;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import net.taonet.platform.openapi.ProblemResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/subnets/{netuid}/metagraph[?block=]}: the subnet now, or as of a past block's epoch. */
@Tag(name = "metagraph", description = "A subnet's metagraph, assembled by the gateway from registry, ledger and consensus")
@RestController
public class MetagraphController {

    private final MetagraphService metagraphs;

    public MetagraphController(MetagraphService metagraphs) {
        this.metagraphs = metagraphs;
    }

    @Operation(operationId = "getMetagraph", summary = "A subnet's metagraph: per UID hotkey, stake, rank, trust, consensus, incentive, dividends, emission, permits")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be within 0..65535")
    @ProblemResponse(status = 400, type = "invalid-block", detail = "block must be within 0..1234")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "no subnet 7")
    @ProblemResponse(status = 503, type = "upstream-unavailable", detail = "a service the metagraph needs is not answering")
    @GetMapping("/api/v1/subnets/{netuid}/metagraph")
    public Mono<Metagraph> metagraph(@PathVariable int netuid, @RequestParam(required = false) Long block) {
        return metagraphs.metagraph(netuid, block);
    }
}
