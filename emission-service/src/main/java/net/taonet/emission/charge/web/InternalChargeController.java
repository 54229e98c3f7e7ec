package net.taonet.emission.charge.web;

import net.taonet.emission.charge.domain.ChargeService;
import net.taonet.emission.charge.domain.ChargeService.Charge;
import net.taonet.emission.charge.domain.ChargeService.Kind;
import net.taonet.emission.web.Addresses;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Charges for the registry (docs/contracts.md), behind the service key. */
@RestController
@RequestMapping("/internal/charges")
public class InternalChargeController {

    /** A lock or burn request. */
    public record ChargeRequest(String requestId, String coldkey, Integer netuid, Long amountRao) {
    }

    private final ChargeService charges;

    public InternalChargeController(ChargeService charges) {
        this.charges = charges;
    }

    @PostMapping("/lock")
    public Charge lock(@RequestBody ChargeRequest request) {
        return charge(Kind.LOCK, request);
    }

    @PostMapping("/burn")
    public Charge burn(@RequestBody ChargeRequest request) {
        return charge(Kind.BURN, request);
    }

    @PostMapping("/{requestId}/refund")
    public Charge refund(@PathVariable String requestId) {
        return charges.refund(requestId);
    }

    @GetMapping("/{requestId}")
    public Charge get(@PathVariable String requestId) {
        return charges.find(requestId).orElseThrow(() ->
                ApiProblem.notFound("unknown-charge", "no charge with request id '" + requestId + "'"));
    }

    private Charge charge(Kind kind, ChargeRequest r) {
        if (r.requestId() == null || r.requestId().isBlank()) {
            throw ApiProblem.badRequest("missing-request-id", "requestId is required");
        }
        String coldkey = Addresses.require(r.coldkey(), "coldkey");
        int netuid = Addresses.requireNetuid(r.netuid());
        long amount = Addresses.requireAmount(r.amountRao(), "amountRao");
        return charges.charge(kind, r.requestId(), coldkey, netuid, amount);
    }
}
