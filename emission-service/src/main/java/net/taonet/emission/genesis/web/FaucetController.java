package net.taonet.emission.genesis.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import net.taonet.emission.EmissionProperties;
import net.taonet.emission.genesis.domain.Mint;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.emission.web.Addresses;
import net.taonet.emission.web.Commands;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/faucet}: mints development TAO. Exists only when
 * {@code taonet.emission.faucet.enabled=true} (the local profile); needs the admin key (DESIGN §6).
 */
@Tag(name = "faucet", description = "Development TAO (local profile only)")
@RestController
@ConditionalOnProperty(name = "taonet.emission.faucet.enabled", havingValue = "true")
public class FaucetController {

    public static final String ADMIN_KEY = "X-Taonet-Admin-Key";

    /** Who gets how much. */
    public record FaucetRequest(String address, Long amountRao) {
    }

    /** What was minted. */
    public record Funded(long journalTx, long block, String address, long amountRao, long freeBalanceRao) {
    }

    private final Mint mint;
    private final Commands commands;
    private final EmissionProperties props;

    public FaucetController(Mint mint, Commands commands, EmissionProperties props) {
        this.mint = mint;
        this.commands = commands;
        this.props = props;
    }

    @Operation(operationId = "fund",
        summary = "Mint development TAO to an address (X-Taonet-Admin-Key; only with the faucet enabled)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"address\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"amountRao\":5000000000}"))))
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "amountRao must be positive")
    @ProblemResponse(status = 401, type = "admin-key-invalid", detail = "the faucet needs the network admin key in X-Taonet-Admin-Key")
    @ProblemResponse(status = 422, type = "supply-exhausted", detail = "minting would take issuance above 21000000 TAO")
    @ProblemResponse(status = 422, type = "faucet-limit", detail = "at most 1000 TAO per request")
    @ProblemResponse(status = 400, type = "missing-idempotency-key", detail = "paying requests need an Idempotency-Key header")
    @ProblemResponse(status = 400, type = "invalid-idempotency-key", detail = "the Idempotency-Key header must be 1 to 128 printable characters")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "the Idempotency-Key was already used for another request")
    @PostMapping("/api/v1/faucet")
    public ResponseEntity<Funded> fund(@RequestBody FaucetRequest request,
            @RequestHeader(name = ADMIN_KEY, required = false) String adminKey,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        if (adminKey == null || !MessageDigest.isEqual(adminKey.getBytes(StandardCharsets.UTF_8),
                props.adminKey().getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("admin-key-invalid", "the faucet needs the network admin key in " + ADMIN_KEY);
        }
        String address = Addresses.require(request.address(), "address");
        long amount = Addresses.requireAmount(request.amountRao(), "amountRao");
        if (amount > props.faucet().maxAmountRao()) {
            throw ApiProblem.badRequest("faucet-limit", "the faucet gives at most " + props.faucet().maxAmountRao()
                    + " rao per request").with("maxAmountRao", props.faucet().maxAmountRao());
        }
        return commands.run("admin", "faucet", key, address + "|" + amount, Funded.class, () -> {
            Posting p = mint.mint("FAUCET", key, address, amount);
            return new Funded(p.journalTx(), p.block(), address, amount, p.balanceAfter(
                    net.taonet.emission.ledger.domain.AccountKey.free(address)));
        });
    }
}
