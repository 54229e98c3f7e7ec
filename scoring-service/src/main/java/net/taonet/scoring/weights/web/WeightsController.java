package net.taonet.scoring.weights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.HexFormat;
import java.util.List;
import net.taonet.identity.Ss58;
import net.taonet.platform.openapi.ProblemResponse;
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
@Tag(name = "weights", description = "Validators' weights: direct, or commit then reveal")
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

    @Operation(operationId = "setWeights",
        summary = "Set a validator's weights on a subnet (signed by its hotkey)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"netuid\":1,\"uids\":[0,1,2],\"weights\":[65535,32768,0],\"versionKey\":0}"))))
    @ProblemResponse(status = 400, type = "length-mismatch", detail = "3 uids but 2 weights")
    @ProblemResponse(status = 400, type = "too-many-weights", detail = "5 weights for a subnet of 4 UIDs")
    @ProblemResponse(status = 400, type = "too-few-weights", detail = "at least 1 non-zero weight is required")
    @ProblemResponse(status = 400, type = "weight-above-limit", detail = "a single weight may be at most max_weight_limit")
    @ProblemResponse(status = 403, type = "no-validator-permit", detail = "UID 3 holds no validator permit")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @ProblemResponse(status = 422, type = "unknown-uid", detail = "UID 9 does not exist on subnet 1")
    @ProblemResponse(status = 422, type = "insufficient-stake", detail = "hotkey 5FHn… has 0 rao staked, below the weights minimum")
    @ProblemResponse(status = 422, type = "version-key-too-low", detail = "version_key 1 is below the subnet's weights_version_key 2")
    @ProblemResponse(status = 422, type = "hotkey-not-registered", detail = "hotkey 5FHn… holds no UID on subnet 1")
    @ProblemResponse(status = 429, type = "rate-limited", detail = "weights may be set again at block 1200 (with nextAllowedBlock)")
    @ProblemResponse(status = 409, type = "commit-reveal-enabled", detail = "subnet 1 takes weights by commit and reveal")
    @PostMapping
    @SignedRequest
    public AppliedWeights set(@Valid @RequestBody SetWeightsRequest request, VerifiedSigner signer) {
        String hotkey = hotkey(signer, request.hotkey());
        return weights.setWeights(hotkey, new WeightsSubmission(request.netuid(), request.uids(), request.weights(),
                request.versionKey() == null ? 0 : request.versionKey()));
    }

    @Operation(operationId = "commitWeights",
        summary = "Commit the hash of weights to reveal later (signed by the validator's hotkey)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"netuid\":1,\"commitHash\":\"0x9f2c4e…64 hex digits\"}"))))
    @ProblemResponse(status = 403, type = "no-validator-permit", detail = "UID 3 holds no validator permit")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @ProblemResponse(status = 409, type = "commit-reveal-disabled", detail = "subnet 1 takes weights directly")
    @ProblemResponse(status = 409, type = "too-many-commits", detail = "hotkey 5FHn… already has 10 pending commits")
    @ProblemResponse(status = 422, type = "insufficient-stake", detail = "hotkey 5FHn… has 0 rao staked, below the weights minimum")
    @ProblemResponse(status = 422, type = "hotkey-not-registered", detail = "hotkey 5FHn… holds no UID on subnet 1")
    @ProblemResponse(status = 429, type = "rate-limited", detail = "weights may be set again at block 1200 (with nextAllowedBlock)")
    @PostMapping("/commit")
    @SignedRequest
    public AcceptedCommit commit(@Valid @RequestBody CommitWeightsRequest request, VerifiedSigner signer) {
        return weights.commit(hotkey(signer, request.hotkey()), request.netuid(), request.commitHash());
    }

    @Operation(operationId = "revealWeights",
        summary = "Reveal committed weights with their salt (signed by the validator's hotkey)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"netuid\":1,\"uids\":[0,1,2],\"weights\":[65535,32768,0],\"salt\":\"8f1e2d3c4b5a69788796a5b4c3d2e1f0\",\"versionKey\":0}"))))
    @ProblemResponse(status = 400, type = "invalid-salt", detail = "salt must be hex")
    @ProblemResponse(status = 400, type = "length-mismatch", detail = "3 uids but 2 weights")
    @ProblemResponse(status = 400, type = "too-many-weights", detail = "5 weights for a subnet of 4 UIDs")
    @ProblemResponse(status = 400, type = "too-few-weights", detail = "at least 1 non-zero weight is required")
    @ProblemResponse(status = 400, type = "weight-above-limit", detail = "a single weight may be at most max_weight_limit")
    @ProblemResponse(status = 409, type = "commit-reveal-disabled", detail = "subnet 1 takes weights directly")
    @ProblemResponse(status = 409, type = "reveal-too-early", detail = "the commit can be revealed in epoch 42")
    @ProblemResponse(status = 409, type = "reveal-too-late", detail = "the commit could be revealed only in epoch 40")
    @ProblemResponse(status = 422, type = "commit-not-found", detail = "no pending commit of 5FHn… matches these weights and salt")
    @ProblemResponse(status = 403, type = "no-validator-permit", detail = "UID 3 holds no validator permit")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @ProblemResponse(status = 422, type = "unknown-uid", detail = "UID 9 does not exist on subnet 1")
    @ProblemResponse(status = 422, type = "insufficient-stake", detail = "hotkey 5FHn… has 0 rao staked, below the weights minimum")
    @ProblemResponse(status = 422, type = "version-key-too-low", detail = "version_key 1 is below the subnet's weights_version_key 2")
    @ProblemResponse(status = 422, type = "hotkey-not-registered", detail = "hotkey 5FHn… holds no UID on subnet 1")
    @ProblemResponse(status = 429, type = "rate-limited", detail = "weights may be set again at block 1200 (with nextAllowedBlock)")
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
    @Operation(operationId = "getWeights", summary = "The weights stored for a subnet, one row per validator UID")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @GetMapping("/{netuid}")
    public List<StoredRow> rows(@PathVariable int netuid) {
        return weights.rows(netuid);
    }

    /** A hotkey's commits on a subnet that were not revealed (including expired ones still kept). */
    @Operation(operationId = "getPendingCommits", summary = "A hotkey's pending weight commits on a subnet")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "hotkey is not an SS58 address")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @GetMapping("/{netuid}/commits/{hotkey}")
    public List<PendingCommit> commits(@PathVariable int netuid, @PathVariable String hotkey) {
        // a well-formed hotkey with no commits is an empty list; a malformed one names no hotkey at all
        if (!Ss58.isValid(hotkey)) {
            throw ApiProblem.badRequest("invalid-address", "hotkey is not a valid SS58 address").with("field", "hotkey");
        }
        return weights.commits(netuid, hotkey);
    }

    private static String hotkey(VerifiedSigner signer, String named) {
        if (named != null && !named.isBlank()) {
            signer.requireIs(named, "hotkey " + named);
        }
        return signer.address();
    }
}
