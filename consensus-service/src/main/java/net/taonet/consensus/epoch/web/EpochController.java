package net.taonet.consensus.epoch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import net.taonet.consensus.epoch.domain.EpochRepository;
import net.taonet.consensus.epoch.domain.EpochRepository.EpochRecord;
import net.taonet.consensus.epoch.domain.EpochSnapshot;
import net.taonet.consensus.epoch.domain.HyperparameterOverrides;
import net.taonet.consensus.epoch.domain.ReplayService;
import net.taonet.consensus.epoch.domain.SnapshotJson;
import net.taonet.consensus.epoch.domain.UidOutcome;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Epochs of a subnet, one epoch's inputs and outputs, the latest consensus view, and replays. */
@Tag(name = "epochs", description = "Yuma Consensus epochs: inputs, outcomes, what-if replays")
@RestController
@RequestMapping("/api/v1/subnets/{netuid}")
public class EpochController {

    private static final int MAX_PAGE_SIZE = 200;

    private final EpochRepository repository;
    private final ReplayService replays;

    public EpochController(EpochRepository repository, ReplayService replays) {
        this.repository = repository;
        this.replays = replays;
    }

    public record EpochSummary(long epoch, long block, int n, String inputsHash, String computedBy,
            long computeMicros, String completedAt) {
        static EpochSummary of(EpochRecord r) {
            return new EpochSummary(r.epoch(), r.block(), r.n(), r.inputsHash(), r.computedBy(), r.computeMicros(),
                    r.completedAt() == null ? null : r.completedAt().toString());
        }
    }

    public record EpochPage(int netuid, int page, int size, long total, List<EpochSummary> epochs) {
    }

    public record EpochDetail(int netuid, long epoch, long block, long raoEmission, String inputsHash,
            EpochSnapshot inputs, List<UidOutcome> outputs) {
    }

    public record ConsensusView(int netuid, Long epoch, Long block, List<UidOutcome> uids) {
    }

    public record ReplayRequest(Map<String, Object> hyperparameters) {
    }

    @Operation(operationId = "listEpochs", summary = "A subnet's epochs, newest first, paged")
    @ProblemResponse(status = 400, type = "invalid-page", detail = "page must be ≥ 0, got -1 (with minimum)")
    @ProblemResponse(status = 400, type = "invalid-page-size", detail = "size must be in [1, 200], got 0")
    @ProblemResponse(status = 404, type = "subnet-not-found", detail = "subnet 7 is not known to consensus")
    @GetMapping("/epochs")
    public EpochPage epochs(@PathVariable int netuid, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw ApiProblem.badRequest("invalid-page", "page must be ≥ 0, got " + page).with("minimum", 0);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("invalid-page-size", "size must be in [1, " + MAX_PAGE_SIZE + "], got " + size)
                    .with("minimum", 1).with("maximum", MAX_PAGE_SIZE);
        }
        long total = repository.countEpochs(netuid);
        if (total == 0 && repository.subnet(netuid).isEmpty()) {
            throw unknownSubnet(netuid);
        }
        List<EpochSummary> items = repository.epochs(netuid, Math.multiplyExact(page, size), size).stream()
                .map(EpochSummary::of).toList();
        return new EpochPage(netuid, page, size, total, items);
    }

    @Operation(operationId = "getEpoch", summary = "One epoch: its inputs snapshot, inputs hash and per-UID outcomes")
    @ProblemResponse(status = 404, type = "subnet-not-found", detail = "subnet 7 is not known to consensus")
    @ProblemResponse(status = 404, type = "epoch-not-found", detail = "subnet 1 has no epoch 41")
    @GetMapping("/epochs/{epoch}")
    public EpochDetail epoch(@PathVariable int netuid, @PathVariable long epoch) {
        EpochRecord r = repository.epoch(netuid, epoch).orElseThrow(() -> repository.subnet(netuid).isEmpty()
                ? unknownSubnet(netuid)
                : ApiProblem.notFound("epoch-not-found", "subnet " + netuid + " has no epoch " + epoch));
        String inputs = repository.inputs(netuid, epoch).orElseThrow()[0];
        return new EpochDetail(netuid, epoch, r.block(), r.raoEmission(), r.inputsHash(), SnapshotJson.read(inputs),
                repository.outcomes(netuid, epoch));
    }

    @Operation(operationId = "getConsensus", summary = "The latest epoch's per-UID outcomes (rank, trust, consensus, incentive, dividends, emission)")
    @ProblemResponse(status = 404, type = "subnet-not-found", detail = "subnet 7 is not known to consensus")
    @GetMapping("/consensus")
    public ConsensusView consensus(@PathVariable int netuid) {
        var latest = repository.latestEpoch(netuid);
        if (latest.isEmpty()) {
            if (repository.subnet(netuid).isEmpty()) {
                throw unknownSubnet(netuid);
            }
            return new ConsensusView(netuid, null, null, List.of());
        }
        EpochRecord r = latest.get();
        return new ConsensusView(netuid, r.epoch(), r.block(), repository.outcomes(netuid, r.epoch()));
    }

    @Operation(operationId = "replayEpoch",
        summary = "Recompute an epoch from its stored inputs, optionally with hyperparameter overrides, and diff per UID",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"hyperparameters\":{\"kappa\":0.6,\"bonds_moving_average\":0.8}}"))))
    @ProblemResponse(status = 400, type = "unknown-hyperparameter", detail = "replay cannot override foo")
    @ProblemResponse(status = 400, type = "invalid-hyperparameter", detail = "kappa must be a number in [0, 1]")
    @ProblemResponse(status = 404, type = "epoch-not-found", detail = "subnet 1 has no epoch 41")
    @ProblemResponse(status = 409, type = "inputs-hash-mismatch", detail = "the stored inputs of epoch 41 no longer hash to the recorded inputs hash")
    @PostMapping("/epochs/{epoch}/replay")
    public ReplayService.Replay replay(@PathVariable int netuid, @PathVariable long epoch,
            @RequestBody(required = false) ReplayRequest request) {
        Map<String, Object> overrides = request == null || request.hyperparameters() == null
                ? Map.of() : request.hyperparameters();
        return replays.replay(netuid, epoch, overrides);
    }

    /**
     * The hyperparameters a replay accepts, for clients that build override forms. The same for every subnet,
     * but asked of one: a netuid consensus does not know is refused like on the other reads of a subnet.
     */
    @Operation(operationId = "listReplayHyperparameters", summary = "The hyperparameters a replay may override")
    @ProblemResponse(status = 404, type = "subnet-not-found", detail = "subnet 7 is not known to consensus")
    @GetMapping("/epochs/replay-hyperparameters")
    public List<String> replayHyperparameters(@PathVariable int netuid) {
        if (repository.subnet(netuid).isEmpty()) {
            throw unknownSubnet(netuid);
        }
        return HyperparameterOverrides.names();
    }

    private static ApiProblem unknownSubnet(int netuid) {
        return ApiProblem.notFound("subnet-not-found", "subnet " + netuid + " is not known to consensus");
    }
}
