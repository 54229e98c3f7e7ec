package net.taonet.gateway.metagraph;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/subnets/{netuid}/metagraph[?block=]}: the subnet now, or as of a past block's epoch. */
@RestController
public class MetagraphController {

    private final MetagraphService metagraphs;

    public MetagraphController(MetagraphService metagraphs) {
        this.metagraphs = metagraphs;
    }

    @GetMapping("/api/v1/subnets/{netuid}/metagraph")
    public Mono<Metagraph> metagraph(@PathVariable int netuid, @RequestParam(required = false) Long block) {
        return metagraphs.metagraph(netuid, block);
    }
}
