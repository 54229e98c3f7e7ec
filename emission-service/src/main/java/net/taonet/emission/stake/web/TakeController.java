package net.taonet.emission.stake.web;

import net.taonet.emission.stake.domain.TakeService;
import net.taonet.emission.stake.domain.TakeService.Take;
import net.taonet.emission.web.Addresses;
import net.taonet.emission.web.Commands;
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

    @GetMapping("/{hotkey}")
    public Take take(@PathVariable String hotkey) {
        return takes.take(Addresses.require(hotkey, "hotkey"));
    }

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
