package net.taonet.emission.stake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import net.taonet.emission.stake.domain.TakeService;
import net.taonet.emission.stake.domain.TakeService.Take;
import net.taonet.emission.web.Addresses;
import net.taonet.emission.web.Commands;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A hotkey's delegate take (u16: 0..11,796 = 0–18 %). Set by the hotkey's owning coldkey. */
@Tag(name = "takes", description = "Delegate takes of hotkeys")
@RestController
@RequestMapping("/api/v1/takes")
public class TakeController {

    /** The new take, u16 of 65,535. */
    public record TakeRequest(Integer take) {
    }

    private final TakeService takes;
    private final Commands commands;

    public TakeController(TakeService takes, Commands commands) {
        this.takes = takes;
        this.commands = commands;
    }

    @Operation(operationId = "getTake", summary = "A hotkey's take (0..11796) and when it may next increase")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 404, type = "unknown-hotkey", detail = "no coldkey owns hotkey 5FHn…")
    @GetMapping("/{hotkey}")
    public Take take(@PathVariable String hotkey) {
        return takes.take(Addresses.require(hotkey, "hotkey"));
    }

    @Operation(operationId = "setTake",
        summary = "Set a hotkey's take (signed by its coldkey): decrease any time, increase once per 216000 blocks",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"take\":5898}"))))
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "take-out-of-range", detail = "take must be within [0, 11796]")
    @ProblemResponse(status = 403, type = "not-owner", detail = "hotkey 5FHn… belongs to 5Grw…")
    @ProblemResponse(status = 404, type = "unknown-hotkey", detail = "no coldkey owns hotkey 5FHn…")
    @ProblemResponse(status = 422, type = "take-rate-limited", detail = "the take of 5FHn… may increase again at block 216100")
    @ProblemResponse(status = 400, type = "missing-idempotency-key", detail = "paying requests need an Idempotency-Key header")
    @ProblemResponse(status = 400, type = "invalid-idempotency-key", detail = "the Idempotency-Key header must be 1 to 128 printable characters")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "the Idempotency-Key was already used for another request")
    @SignedRequest
    @PutMapping("/{hotkey}")
    public ResponseEntity<Take> setTake(@PathVariable String hotkey, @RequestBody TakeRequest request, VerifiedSigner signer,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        Addresses.require(hotkey, "hotkey");
        if (request.take() == null) {
            throw ApiProblem.badRequest("take-out-of-range", "take is required (u16 within 0.." + TakeService.MAX_TAKE + ")");
        }
        int take = request.take();
        return commands.run(signer.address(), "set_take", key, hotkey + "|" + take, Take.class,
                () -> takes.setTake(hotkey, take, signer.address()));
    }
}
