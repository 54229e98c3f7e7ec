package net.taonet.scoring.weights.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.HexFormat;
import java.util.List;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import net.taonet.scoring.weights.domain.AcceptedCommit;
import net.taonet.scoring.weights.domain.AppliedWeights;
import net.taonet.scoring.weights.domain.PendingCommit;
import net.taonet.scoring.weights.domain.StoredRow;
import net.taonet.scoring.weights.domain.WeightsService;
import net.taonet.scoring.weights.domain.WeightsSubmission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weights API (docs/contracts.md): every change is signed by the validator's hotkey, which is the
 * signer; a body that names a different hotkey is refused (403).
 */
@RestController
@RequestMapping("/api/v1/weights")
public class WeightsController {

    private final WeightsService weights;

    public WeightsController(WeightsService weights) {
        this.weights = weights;
    }

    public record SetWeightsRequest(@NotNull Integer netuid, @NotNull List<Integer> uids,
            @NotNull List<Integer> weights, @PositiveOrZero Long versionKey, String hotkey) {
    }

    public record CommitWeightsRequest(@NotNull Integer netuid, @NotNull String commitHash, String hotkey) {
    }

    public record RevealWeightsRequest(@NotNull Integer netuid, @NotNull List<Integer> uids,
            @NotNull List<Integer> weights, @NotNull String salt, @PositiveOrZero Long versionKey, String hotkey) {
    }

    @PostMapping
    @SignedRequest
    public AppliedWeights set(@Valid @RequestBody SetWeightsRequest request, VerifiedSigner signer) {
        String hotkey = hotkey(signer, request.hotkey());
        return weights.setWeights(hotkey, new WeightsSubmission(request.netuid(), request.uids(), request.weights(),
                request.versionKey() == null ? 0 : request.versionKey()));
    }

    @PostMapping("/commit")
    @SignedRequest
    public AcceptedCommit commit(@Valid @RequestBody CommitWeightsRequest request, VerifiedSigner signer) {
        return weights.commit(hotkey(signer, request.hotkey()), request.netuid(), request.commitHash());
    }

    @PostMapping("/reveal")
    @SignedRequest
    public AppliedWeights reveal(@Valid @RequestBody RevealWeightsRequest request, VerifiedSigner signer) {
        String hotkey = hotkey(signer, request.hotkey());
        byte[] salt;
        try {
            salt = HexFormat.of().parseHex(request.salt().startsWith("0x") ? request.salt().substring(2) : request.salt());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-salt", "salt must be hex");
        }
        return weights.reveal(hotkey, new WeightsSubmission(request.netuid(), request.uids(), request.weights(),
                request.versionKey() == null ? 0 : request.versionKey()), salt);
    }

    /** The rows in effect on a subnet, as stored (max-upscaled, sorted by UID). */
    @GetMapping("/{netuid}")
    public List<StoredRow> rows(@PathVariable int netuid) {
        return weights.rows(netuid);
    }

    /** A hotkey's commits on a subnet that were not revealed (including expired ones still kept). */
    @GetMapping("/{netuid}/commits/{hotkey}")
    public List<PendingCommit> commits(@PathVariable int netuid, @PathVariable String hotkey) {
        return weights.commits(netuid, hotkey);
    }

    private static String hotkey(VerifiedSigner signer, String named) {
        if (named != null && !named.isBlank()) {
            signer.requireIs(named, "hotkey " + named);
        }
        return signer.address();
    }
}
