package net.taonet.emission.transfer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import net.taonet.emission.transfer.domain.TransferService;
import net.taonet.emission.transfer.domain.TransferService.Transfer;
import net.taonet.emission.web.Addresses;
import net.taonet.emission.web.Commands;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/transfers}: free TAO from the signing coldkey to any address. */
@Tag(name = "transfers", description = "Free TAO between addresses")
@RestController
public class TransferController {

    /** {@code from} must be the signer. */
    public record TransferRequest(String from, String to, Long amountRao) {
    }

    private final TransferService transfers;
    private final Commands commands;

    public TransferController(TransferService transfers, Commands commands) {
        this.transfers = transfers;
        this.commands = commands;
    }

    @Operation(operationId = "transfer",
        summary = "Transfer free TAO (signed by the sender)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"from\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"to\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\",\"amountRao\":2500000000}"))))
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "amountRao must be positive")
    @ProblemResponse(status = 400, type = "self-transfer", detail = "from and to are the same address")
    @ProblemResponse(status = 403, type = "not-owner", detail = "the request is signed by 5Grw…, not the coldkey it spends from")
    @ProblemResponse(status = 422, type = "insufficient-balance", detail = "the free balance of 5Grw… is 1000000 rao, below 2000000000")
    @ProblemResponse(status = 422, type = "existential-deposit", detail = "the transfer would leave 500 rao, below the existential deposit of 500000")
    @ProblemResponse(status = 400, type = "missing-idempotency-key", detail = "paying requests need an Idempotency-Key header")
    @ProblemResponse(status = 400, type = "invalid-idempotency-key", detail = "the Idempotency-Key header must be 1 to 128 printable characters")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "the Idempotency-Key was already used for another request")
    @SignedRequest
    @PostMapping("/api/v1/transfers")
    public ResponseEntity<Transfer> transfer(@RequestBody TransferRequest request, VerifiedSigner signer,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        String from = Addresses.require(request.from(), "from");
        String to = Addresses.require(request.to(), "to");
        long amount = Addresses.requireAmount(request.amountRao(), "amountRao");
        signer.requireIs(from, "the free balance of " + from);
        return commands.run(signer.address(), "transfer", key, from + "|" + to + "|" + amount, Transfer.class,
                () -> transfers.transfer(from, to, amount, key));
    }
}
