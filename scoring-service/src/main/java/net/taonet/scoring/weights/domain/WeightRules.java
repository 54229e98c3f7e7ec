package net.taonet.scoring.weights.domain;

import net.taonet.identity.CommitHash;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The checks of spec/protocol.md §6, in its order, as pure functions of a {@link CallerState}. Each refusal
 * is an {@link ApiProblem} with its own type, so clients (and the managed validators) can tell them apart.
 */
public final class WeightRules {

    /** At most this many unrevealed commits per hotkey and subnet. */
    public static final int MAX_PENDING_COMMITS = 10;
    private static final int U16_MAX = 65_535;

    private WeightRules() {
    }

    /** Rejects malformed input (not a rule of §6: the request cannot even be read as weights). */
    public static void requireWellFormed(WeightsSubmission w) {
        if (w.uids() == null || w.weights() == null) {
            throw ApiProblem.badRequest("invalid-request", "uids and weights are required");
        }
        if (w.netuid() < 0 || w.netuid() > U16_MAX) {
            throw ApiProblem.badRequest("invalid-request", "netuid must be a u16");
        }
        for (Integer u : w.uids()) {
            if (u == null || u < 0 || u > U16_MAX) {
                throw ApiProblem.badRequest("invalid-request", "every uid must be a u16 (0..65535), got " + u);
            }
        }
        for (Integer v : w.weights()) {
            if (v == null || v < 0 || v > U16_MAX) {
                throw ApiProblem.badRequest("invalid-request", "every weight must be a u16 (0..65535), got " + v);
            }
        }
        if (w.versionKey() < 0) {
            throw ApiProblem.badRequest("invalid-request", "version_key must be a u64");
        }
    }

    /**
     * set_weights, every check in the order of §6. A reveal runs the same checks except the first two
     * that concern the mode itself: commit-reveal must be on (checked by the caller), and the rate limit
     * was applied to the commit, which was the UID's update.
     */
    public static void checkSet(CallerState s, WeightsSubmission w, boolean reveal) {
        requireWellFormed(w);
        Hyperparameters hp = s.subnet().hyperparameters();
        if (!reveal && hp.commitRevealEnabled()) {
            throw ApiProblem.conflict("commit-reveal-enabled",
                    "subnet " + w.netuid() + " uses commit-reveal: commit a hash, then reveal the weights");
        }
        if (w.uids().size() != w.weights().size()) {
            throw ApiProblem.badRequest("length-mismatch", w.uids().size() + " uids but " + w.weights().size()
                    + " weights").with("uids", w.uids().size()).with("weights", w.weights().size());
        }
        if (w.uids().size() > s.subnetSize()) {
            throw ApiProblem.badRequest("too-many-weights", w.uids().size() + " entries but subnet " + w.netuid()
                    + " has " + s.subnetSize() + " UIDs").with("subnetSize", s.subnetSize());
        }
        requireRegistered(s);
        if (!s.isOwner() && s.stakeRao() < hp.stakeThreshold()) {
            throw ApiProblem.unprocessable("insufficient-stake", "hotkey " + s.hotkey() + " has " + s.stakeRao()
                    + " rao staked; setting weights needs at least " + hp.stakeThreshold())
                    .with("stakeRao", s.stakeRao()).with("stakeThreshold", hp.stakeThreshold());
        }
        if (hp.weightsVersionKey() != 0 && w.versionKey() < hp.weightsVersionKey()) {
            throw ApiProblem.unprocessable("version-key-too-low", "version_key " + w.versionKey()
                    + " is below the subnet's " + hp.weightsVersionKey())
                    .with("weightsVersionKey", hp.weightsVersionKey());
        }
        if (!reveal) {
            checkRateLimit(s);
        }
        boolean selfWeight = isSelfWeight(s.uid(), w.uids());
        if (!s.isOwner() && !selfWeight && !s.validatorPermit()) {
            throw ApiProblem.forbidden("no-validator-permit", "UID " + s.uid()
                    + " has no validator permit from the latest epoch; without one only a self-weight is allowed");
        }
        Set<Integer> seen = new HashSet<>();
        for (int uid : w.uids()) {
            if (!seen.add(uid)) {
                throw ApiProblem.badRequest("duplicate-uids", "UID " + uid + " appears more than once")
                        .with("uid", uid);
            }
        }
        for (int uid : w.uids()) {
            if (!s.existingUids().contains(uid)) {
                throw ApiProblem.unprocessable("unknown-uid", "UID " + uid + " does not exist on subnet " + w.netuid())
                        .with("uid", uid);
            }
        }
        int minAllowed = Math.min(hp.minAllowedWeights(), s.subnetSize());
        if (!selfWeight && w.weights().size() < minAllowed) {
            throw ApiProblem.badRequest("too-few-weights", w.weights().size() + " entries; subnet " + w.netuid()
                    + " needs at least " + minAllowed).with("minAllowedWeights", minAllowed);
        }
        if (!selfWeight && !withinMaxWeightLimit(w.weights(), hp.maxWeightsLimit())) {
            throw ApiProblem.badRequest("weight-above-limit", "a weight's share of the row exceeds max_weights_limit "
                    + hp.maxWeightsLimit() + "/65535").with("maxWeightsLimit", hp.maxWeightsLimit());
        }
    }

    /** commit(hash): commit-reveal on, hotkey registered, rate limit, at most 10 pending commits. */
    public static void checkCommit(CallerState s, String commitHash, int pendingCommits) {
        if (!s.subnet().hyperparameters().commitRevealEnabled()) {
            throw ApiProblem.conflict("commit-reveal-disabled", "subnet " + s.subnet().netuid()
                    + " does not use commit-reveal: set weights directly");
        }
        if (!CommitHash.isWellFormed(commitHash)) {
            throw ApiProblem.badRequest("invalid-commit-hash", "commit_hash must be 64 lowercase hex characters (SHA-256)");
        }
        requireRegistered(s);
        checkRateLimit(s);
        if (pendingCommits >= MAX_PENDING_COMMITS) {
            throw ApiProblem.conflict("too-many-commits", "hotkey " + s.hotkey() + " already has " + pendingCommits
                    + " unrevealed commits on subnet " + s.subnet().netuid() + " (at most " + MAX_PENDING_COMMITS + ")")
                    .with("pendingCommits", pendingCommits);
        }
    }

    /**
     * Which of a hotkey's commits a reveal opens. {@code matching} are its commits with the revealed hash
     * (oldest first). Accepted only in epoch {@code commit_epoch + reveal_period}: before it is too early,
     * after it the commit has expired.
     */
    public static PendingCommit checkReveal(List<PendingCommit> matching, long currentEpoch, int revealPeriod) {
        if (matching.isEmpty()) {
            throw ApiProblem.unprocessable("commit-not-found",
                    "no pending commit matches these uids, weights, salt and version_key");
        }
        PendingCommit early = null;
        PendingCommit late = null;
        for (PendingCommit c : matching) {
            long revealEpoch = c.commitEpoch() + revealPeriod;
            if (currentEpoch == revealEpoch) {
                return c;
            }
            if (currentEpoch < revealEpoch) {
                early = early == null ? c : early;
            } else {
                late = late == null ? c : late;
            }
        }
        if (early != null) {
            throw ApiProblem.conflict("reveal-too-early", "the commit can be revealed in epoch "
                    + (early.commitEpoch() + revealPeriod) + "; this is epoch " + currentEpoch)
                    .with("revealEpoch", early.commitEpoch() + revealPeriod).with("currentEpoch", currentEpoch);
        }
        throw ApiProblem.conflict("reveal-too-late", "the commit could be revealed only in epoch "
                + (late.commitEpoch() + revealPeriod) + "; it expired (this is epoch " + currentEpoch + ")")
                .with("revealEpoch", late.commitEpoch() + revealPeriod).with("currentEpoch", currentEpoch);
    }

    /** A commit expires once the epoch after its reveal epoch starts. */
    public static boolean isExpired(long commitEpoch, long currentEpoch, int revealPeriod) {
        return currentEpoch > commitEpoch + revealPeriod;
    }

    /** Exactly one entry, on one's own UID. */
    public static boolean isSelfWeight(Integer ownUid, List<Integer> uids) {
        return ownUid != null && uids.size() == 1 && uids.get(0).intValue() == ownUid;
    }

    /**
     * subtensor's {@code check_vec_max_limited}: with the row normalised to sum 1 (I32F32), no share may exceed
     * {@code limit / 65535}; a limit of 65535 means no limit. (Comparing raw values would mean nothing: rows
     * are max-upscaled anyway.)
     */
    static boolean withinMaxWeightLimit(List<Integer> weights, int limit) {
        if (limit >= U16_MAX || weights.isEmpty()) {
            return true;
        }
        long limitBits = ((long) limit << 32) / U16_MAX;
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        if (sum == 0) {
            return true;
        }
        for (int w : weights) {
            long share = ((long) w << 32) / sum;
            if (share > limitBits) {
                return false;
            }
        }
        return true;
    }

    private static void requireRegistered(CallerState s) {
        if (s.uid() == null) {
            throw ApiProblem.unprocessable("hotkey-not-registered", "hotkey " + s.hotkey()
                    + " holds no UID on subnet " + s.subnet().netuid());
        }
    }

    private static void checkRateLimit(CallerState s) {
        long limit = s.subnet().hyperparameters().weightsRateLimit();
        if (s.lastUpdate() != null && s.currentBlock() - s.lastUpdate() < limit) {
            long next = s.lastUpdate() + limit;
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "UID " + s.uid() + " last updated its weights at block " + s.lastUpdate() + "; the next update is allowed at block "
                            + next).with("lastUpdate", s.lastUpdate()).with("nextAllowedBlock", next);
        }
    }
}
