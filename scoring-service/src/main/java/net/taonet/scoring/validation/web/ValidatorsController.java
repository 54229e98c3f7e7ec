package net.taonet.scoring.validation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.validation.domain.ManagedValidator;
import net.taonet.scoring.validation.domain.ManagedValidators;
import net.taonet.scoring.validation.domain.MinerScore;
import net.taonet.scoring.validation.domain.MinerTaskStats;
import net.taonet.scoring.validation.domain.ScoreBook;
import net.taonet.scoring.validation.domain.TaskBroker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the managed validators are doing: who they are, their scores per subnet, tasks in flight. */
@Tag(name = "validators", description = "The validators this service runs, their scores and task statistics")
@RestController
@RequestMapping("/api/v1/validators")
public class ValidatorsController {

    private final ManagedValidators validators;
    private final ScoreBook scores;
    private final TaskBroker broker;
    private final Metagraph metagraph;

    public ValidatorsController(ManagedValidators validators, ScoreBook scores, TaskBroker broker, Metagraph metagraph) {
        this.validators = validators;
        this.scores = scores;
        this.broker = broker;
        this.metagraph = metagraph;
    }

    public record ValidatorView(String name, String hotkey, Set<Integer> netuids) {
    }

    @Operation(operationId = "listValidators", summary = "The validators this service runs, and their subnets")
    @GetMapping
    public List<ValidatorView> all() {
        return validators.all().stream().map(v -> new ValidatorView(v.name(), v.hotkey(), v.netuids())).toList();
    }

    /** A managed validator's moving-average scores of the miners of a subnet. */
    @Operation(operationId = "getScores", summary = "A validator's current miner scores on a subnet")
    @ProblemResponse(status = 404, type = "unknown-validator", detail = "this service runs no validator with hotkey 5FHn…")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 does not exist")
    @GetMapping("/{hotkey}/scores/{netuid}")
    public List<MinerScore> scores(@PathVariable String hotkey, @PathVariable int netuid) {
        ManagedValidator v = validators.byHotkey(hotkey).orElseThrow(() -> ApiProblem.notFound("unknown-validator",
                "this service runs no validator with hotkey " + hotkey));
        // a subnet the metagraph knows, even if this validator does not validate it (then no scores)
        metagraph.subnet(netuid).orElseThrow(() -> ApiProblem.notFound("unknown-subnet",
                "subnet " + netuid + " does not exist").with("netuid", netuid));
        return scores.scores(v.hotkey(), netuid);
    }

    /** Tasks assigned, answered and scored since start-up, and what is in flight now. */
    @Operation(operationId = "getTaskStats", summary = "Tasks dispatched, completed, failed and timed out, with latency")
    @GetMapping("/tasks")
    public TaskBroker.Stats tasks() {
        return broker.stats();
    }

    /** Per miner (optionally of one subnet): tasks assigned, answered, late, failed, timed out, and latency. */
    @Operation(operationId = "getMinerTaskStats", summary = "Task statistics per miner, for one subnet or all")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @GetMapping("/tasks/miners")
    public List<MinerTaskStats.MinerTasks> minerTasks(@RequestParam(required = false) Integer netuid) {
        if (netuid != null && (netuid < 0 || netuid > 65_535)) {
            throw ApiProblem.badRequest("invalid-netuid", "netuid must be within 0..65535");
        }
        return broker.minerStats().miners(netuid);
    }
}
