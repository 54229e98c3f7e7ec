package net.taonet.emission.charge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import net.taonet.emission.charge.domain.ChargeService;
import net.taonet.emission.charge.domain.ChargeService.Charge;
import net.taonet.emission.charge.domain.ChargeService.Kind;
import net.taonet.emission.web.Addresses;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Charges for the registry (docs/contracts.md), behind the service key. */
@Tag(name = "internal charges", description = "Charges the registry makes on a coldkey: lock for a subnet, burn for a registration (service to service)")
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

    @Operation(operationId = "lockCharge",
        summary = "Lock a subnet's cost from a coldkey (idempotent per requestId)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"requestId\":\"reg-7f3a\",\"coldkey\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"netuid\":1,\"amountRao\":1000000000}"))))
    @ProblemResponse(status = 401, type = "service-key-invalid", detail = "internal endpoints need a valid X-Taonet-Service-Key")
    @ProblemResponse(status = 400, type = "missing-request-id", detail = "requestId is required")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "amountRao must be positive")
    @ProblemResponse(status = 422, type = "insufficient-balance", detail = "the free balance of 5Grw… is 1000000 rao, below 2000000000")
    @ProblemResponse(status = 422, type = "existential-deposit", detail = "the transfer would leave 500 rao, below the existential deposit of 500000")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "request id reg-7f3a was used for another charge")
    @PostMapping("/lock")
    public Charge lock(@RequestBody ChargeRequest request) {
        return charge(Kind.LOCK, request);
    }

    @Operation(operationId = "burnCharge",
        summary = "Burn a registration price from a coldkey (idempotent per requestId)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"requestId\":\"reg-7f3a\",\"coldkey\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"netuid\":1,\"amountRao\":1000000000}"))))
    @ProblemResponse(status = 401, type = "service-key-invalid", detail = "internal endpoints need a valid X-Taonet-Service-Key")
    @ProblemResponse(status = 400, type = "missing-request-id", detail = "requestId is required")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "amountRao must be positive")
    @ProblemResponse(status = 422, type = "insufficient-balance", detail = "the free balance of 5Grw… is 1000000 rao, below 2000000000")
    @ProblemResponse(status = 422, type = "existential-deposit", detail = "the transfer would leave 500 rao, below the existential deposit of 500000")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "request id reg-7f3a was used for another charge")
    @PostMapping("/burn")
    public Charge burn(@RequestBody ChargeRequest request) {
        return charge(Kind.BURN, request);
    }

    @Operation(operationId = "refundCharge", summary = "Refund a charge (idempotent)")
    @ProblemResponse(status = 401, type = "service-key-invalid", detail = "internal endpoints need a valid X-Taonet-Service-Key")
    @ProblemResponse(status = 404, type = "unknown-charge", detail = "no charge reg-7f3a")
    @PostMapping("/{requestId}/refund")
    public Charge refund(@PathVariable String requestId) {
        return charges.refund(requestId);
    }

    @Operation(operationId = "getCharge", summary = "A charge by request id, for reconciliation")
    @ProblemResponse(status = 401, type = "service-key-invalid", detail = "internal endpoints need a valid X-Taonet-Service-Key")
    @ProblemResponse(status = 404, type = "unknown-charge", detail = "no charge reg-7f3a")
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
