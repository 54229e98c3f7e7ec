package net.taonet.consensus.epoch.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Re-runs a stored epoch from its snapshot. Without overrides it must reproduce the stored outputs bit
 * for bit (the engine is a pure function of the snapshot); with overrides it answers "what would have
 * happened" as a per-UID diff. Nothing is written.
 */
@Service
public class ReplayService {

    private final EpochRepository repository;

    public ReplayService(EpochRepository repository) {
        this.repository = repository;
    }

    public record FieldDiff(String field, Object stored, Object replayed) {
    }

    public record UidDiff(int uid, String hotkey, List<FieldDiff> fields) {
    }

    public record Replay(int netuid, long epoch, long block, String inputsHash, boolean inputsHashVerified,
            Map<String, Object> overrides, boolean identical, int uidsCompared, int uidsChanged,
            List<UidDiff> diffs) {
    }

    public Replay replay(int netuid, long epoch, Map<String, Object> overrides) {
        String[] stored = repository.inputs(netuid, epoch).orElseThrow(() -> ApiProblem.notFound("epoch-not-found",
                "subnet " + netuid + " has no epoch " + epoch));
        String json = stored[0];
        String hash = stored[1].trim();
        if (!SnapshotJson.sha256(json).equals(hash)) {
            throw ApiProblem.conflict("inputs-hash-mismatch",
                    "the stored inputs of subnet " + netuid + " epoch " + epoch + " do not match their hash " + hash);
        }
        EpochSnapshot snapshot = SnapshotJson.read(json);
        Hyperparameters hp = HyperparameterOverrides.apply(snapshot.hyperparameters(), overrides);
        List<UidOutcome> replayed = EpochEngine.run(snapshot.withHyperparameters(hp));
        List<UidOutcome> original = repository.outcomes(netuid, epoch);
        List<UidDiff> diffs = new ArrayList<>();
        int count = Math.max(original.size(), replayed.size());
        for (int i = 0; i < count; i++) {
            UidOutcome a = i < original.size() ? original.get(i) : null;
            UidOutcome b = i < replayed.size() ? replayed.get(i) : null;
            if (a == null || b == null) {
                diffs.add(new UidDiff(i, a != null ? a.hotkey() : b.hotkey(),
                        List.of(new FieldDiff("present", a != null, b != null))));
            } else if (!a.sameAs(b)) {
                diffs.add(new UidDiff(i, a.hotkey(), fieldDiffs(a, b)));
            }
        }
        return new Replay(netuid, epoch, snapshot.block(), hash, true,
                overrides == null ? Map.of() : overrides, diffs.isEmpty(), count, diffs.size(), diffs);
    }

    static List<FieldDiff> fieldDiffs(UidOutcome a, UidOutcome b) {
        Map<String, Object[]> f = new LinkedHashMap<>();
        f.put("active", new Object[] {a.active(), b.active()});
        f.put("stakeWeight", new Object[] {a.stakeWeight(), b.stakeWeight()});
        f.put("consensus", new Object[] {a.consensus(), b.consensus()});
        f.put("incentive", new Object[] {a.incentive(), b.incentive()});
        f.put("dividends", new Object[] {a.dividends(), b.dividends()});
        f.put("validatorTrust", new Object[] {a.validatorTrust(), b.validatorTrust()});
        f.put("validatorPermit", new Object[] {a.validatorPermit(), b.validatorPermit()});
        f.put("serverEmission", new Object[] {a.serverEmission(), b.serverEmission()});
        f.put("validatorEmission", new Object[] {a.validatorEmission(), b.validatorEmission()});
        f.put("emission", new Object[] {a.emission(), b.emission()});
        f.put("serverEmissionBits", new Object[] {a.serverEmissionBits(), b.serverEmissionBits()});
        f.put("validatorEmissionBits", new Object[] {a.validatorEmissionBits(), b.validatorEmissionBits()});
        List<FieldDiff> out = new ArrayList<>();
        f.forEach((name, v) -> {
            if (!v[0].equals(v[1])) {
                out.add(new FieldDiff(name, v[0], v[1]));
            }
        });
        if (!java.util.Arrays.deepEquals(a.bonds(), b.bonds())) {
            out.add(new FieldDiff("bonds", a.bonds(), b.bonds()));
        }
        return out;
    }
}
