package net.taonet.scoring.weights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.scoring.metagraph.domain.SubnetInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** One test per check of spec/protocol.md §6, each refusal with its own problem type, and the order. */
class WeightRulesTest {

    static final String OWNER = "owner-hotkey";
    static final String VALIDATOR = "validator-hotkey";

    /** A subnet of 4 UIDs (0 = owner), commit-reveal off; the caller is UID 1 with a permit and stake. */
    static Hyperparameters hp(UnaryOperator<HpBuilder> change) {
        return change.apply(new HpBuilder()).build();
    }

    static CallerState caller(Hyperparameters hp) {
        return new CallerState(new SubnetInfo(1, OWNER, "echo", hp), 4, Set.of(0, 1, 2, 3), VALIDATOR, 1,
                1_000_000_000L, 100L, true, 1_000);
    }

    static CallerState base() {
        return caller(hp(b -> b));
    }

    static WeightsSubmission row(List<Integer> uids, List<Integer> weights) {
        return new WeightsSubmission(1, uids, weights, 0);
    }

    static String refusal(CallerState s, WeightsSubmission w) {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> WeightRules.checkSet(s, w, false));
        assertThat(p).as("refused").isNotNull();
        return p.type();
    }

    @Test
    void aValidRowPasses() {
        assertThatCode(() -> WeightRules.checkSet(base(), row(List.of(2, 3), List.of(10, 20)), false)).doesNotThrowAnyException();
    }

    @Test
    void commitRevealOnRefusesSetWeights() {
        assertThat(refusal(caller(hp(b -> b.commitReveal(true))), row(List.of(2), List.of(1)))).isEqualTo("commit-reveal-enabled");
    }

    @Test
    void lengthsMustBeEqual() {
        assertThat(refusal(base(), row(List.of(2, 3), List.of(1)))).isEqualTo("length-mismatch");
    }

    @Test
    void noMoreEntriesThanTheSubnetHasUids() {
        assertThat(refusal(base(), row(List.of(0, 1, 2, 3, 4), List.of(1, 1, 1, 1, 1)))).isEqualTo("too-many-weights");
    }

    @Test
    void hotkeyMustBeRegistered() {
        CallerState s = base();
        CallerState unregistered = new CallerState(s.subnet(), 4, s.existingUids(), "stranger", null, 0, null, false, 1_000);
        assertThat(refusal(unregistered, row(List.of(2), List.of(1)))).isEqualTo("hotkey-not-registered");
    }

    @Test
    void stakeMustReachTheThreshold() {
        CallerState s = caller(hp(b -> b.stakeThreshold(2_000_000_000L)));
        assertThat(refusal(s, row(List.of(2), List.of(1)))).isEqualTo("insufficient-stake");
    }

    @Test
    void ownerIsExemptFromTheStakeThreshold() {
        CallerState s = caller(hp(b -> b.stakeThreshold(2_000_000_000L)));
        CallerState owner = new CallerState(s.subnet(), 4, s.existingUids(), OWNER, 0, 0, null, false, 1_000);
        assertThatCode(() -> WeightRules.checkSet(owner, row(List.of(2), List.of(1)), false)).doesNotThrowAnyException();
    }

    @Test
    void versionKeyMustNotBeBelowTheSubnets() {
        CallerState s = caller(hp(b -> b.versionKey(5)));
        assertThat(refusal(s, new WeightsSubmission(1, List.of(2), List.of(1), 4))).isEqualTo("version-key-too-low");
        assertThatCode(() -> WeightRules.checkSet(s, new WeightsSubmission(1, List.of(2), List.of(1), 5), false)).doesNotThrowAnyException();
    }

    @Test
    void versionKeyIsNotCheckedWhileTheSubnetsIsZero() {
        assertThatCode(() -> WeightRules.checkSet(base(), new WeightsSubmission(1, List.of(2), List.of(1), 0), false)).doesNotThrowAnyException();
    }

    @Test
    void rateLimitSinceTheLastUpdate() {
        CallerState s = base(); // last update 100, limit 100
        CallerState early = new CallerState(s.subnet(), 4, s.existingUids(), VALIDATOR, 1, s.stakeRao(), 100L, true, 199);
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> WeightRules.checkSet(early, row(List.of(2), List.of(1)), false));
        assertThat(p.type()).isEqualTo("rate-limited");
        assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        CallerState onTime = new CallerState(s.subnet(), 4, s.existingUids(), VALIDATOR, 1, s.stakeRao(), 100L, true, 200);
        assertThatCode(() -> WeightRules.checkSet(onTime, row(List.of(2), List.of(1)), false)).doesNotThrowAnyException();
    }

    @Test
    void neverUpdatedIsNotRateLimited() {
        CallerState s = base();
        CallerState fresh = new CallerState(s.subnet(), 4, s.existingUids(), VALIDATOR, 1, s.stakeRao(), null, true, 0);
        assertThatCode(() -> WeightRules.checkSet(fresh, row(List.of(2), List.of(1)), false)).doesNotThrowAnyException();
    }

    @Test
    void validatorPermitIsNeededForWeightsOnOthers() {
        CallerState s = base();
        CallerState noPermit = new CallerState(s.subnet(), 4, s.existingUids(), VALIDATOR, 1, s.stakeRao(), null, false, 1_000);
        assertThat(refusal(noPermit, row(List.of(2), List.of(1)))).isEqualTo("no-validator-permit");
        // a self-weight is allowed without a permit
        assertThatCode(() -> WeightRules.checkSet(noPermit, row(List.of(1), List.of(1)), false)).doesNotThrowAnyException();
        // a row with oneself among others is not a self-weight
        assertThat(refusal(noPermit, row(List.of(1, 2), List.of(1, 1)))).isEqualTo("no-validator-permit");
    }

    @Test
    void ownerNeedsNoPermit() {
        CallerState s = base();
        CallerState owner = new CallerState(s.subnet(), 4, s.existingUids(), OWNER, 0, 0, null, false, 1_000);
        assertThatCode(() -> WeightRules.checkSet(owner, row(List.of(1, 2), List.of(1, 1)), false)).doesNotThrowAnyException();
    }

    @Test
    void uidsMustNotRepeat() {
        assertThat(refusal(base(), row(List.of(2, 2), List.of(1, 1)))).isEqualTo("duplicate-uids");
    }

    @Test
    void everyUidMustExist() {
        assertThat(refusal(base(), row(List.of(2, 9), List.of(1, 1)))).isEqualTo("unknown-uid");
    }

    @Test
    void atLeastMinAllowedWeights() {
        CallerState s = caller(hp(b -> b.minAllowedWeights(3)));
        assertThat(refusal(s, row(List.of(2, 3), List.of(1, 1)))).isEqualTo("too-few-weights");
        assertThatCode(() -> WeightRules.checkSet(s, row(List.of(0, 2, 3), List.of(1, 1, 1)), false)).doesNotThrowAnyException();
    }

    @Test
    void minAllowedWeightsIsCappedBySubnetSize() {
        CallerState s = caller(hp(b -> b.minAllowedWeights(10)));
        assertThatCode(() -> WeightRules.checkSet(s, row(List.of(0, 1, 2, 3), List.of(1, 1, 1, 1)), false)).doesNotThrowAnyException();
    }

    @Test
    void selfWeightIsExemptFromMinAllowedWeights() {
        CallerState s = caller(hp(b -> b.minAllowedWeights(3)));
        assertThatCode(() -> WeightRules.checkSet(s, row(List.of(1), List.of(65535)), false)).doesNotThrowAnyException();
    }

    @Test
    void noWeightsShareAboveMaxWeightsLimit() {
        CallerState s = caller(hp(b -> b.maxWeightsLimit(32768))); // ≈ 50 %
        assertThat(refusal(s, row(List.of(2, 3), List.of(3, 1)))).isEqualTo("weight-above-limit");
        assertThatCode(() -> WeightRules.checkSet(s, row(List.of(2, 3), List.of(1, 1)), false)).doesNotThrowAnyException();
        // a self-weight may exceed it
        assertThatCode(() -> WeightRules.checkSet(s, row(List.of(1), List.of(1)), false)).doesNotThrowAnyException();
    }

    @Test
    void malformedValuesAreBadRequests() {
        assertThat(refusal(base(), row(List.of(2), List.of(70_000)))).isEqualTo("invalid-request");
        assertThat(refusal(base(), row(List.of(-1), List.of(1)))).isEqualTo("invalid-request");
    }

    @Test
    void checksRunInTheOrderOfTheSpec() {
        // unregistered, lengths differ and commit-reveal on: the first check in §6 order wins
        CallerState s = caller(hp(b -> b.commitReveal(true)));
        CallerState all = new CallerState(s.subnet(), 4, s.existingUids(), "stranger", null, 0, null, false, 0);
        assertThat(refusal(all, row(List.of(2, 2, 9, 5, 6), List.of(1)))).isEqualTo("commit-reveal-enabled");
        CallerState off = new CallerState(base().subnet(), 4, s.existingUids(), "stranger", null, 0, null, false, 0);
        assertThat(refusal(off, row(List.of(2, 2, 9, 5, 6), List.of(1)))).isEqualTo("length-mismatch");
        assertThat(refusal(off, row(List.of(2, 2, 9, 5, 6), List.of(1, 1, 1, 1, 1)))).isEqualTo("too-many-weights");
        assertThat(refusal(off, row(List.of(2, 2, 9), List.of(1, 1, 1)))).isEqualTo("hotkey-not-registered");
        // registered but rate-limited and without permit, duplicate and unknown UIDs: rate limit first
        CallerState limited = new CallerState(base().subnet(), 4, s.existingUids(), VALIDATOR, 1, 1, 999L, false, 1_000);
        assertThat(refusal(limited, row(List.of(2, 2, 9), List.of(1, 1, 1)))).isEqualTo("rate-limited");
        CallerState notLimited = new CallerState(base().subnet(), 4, s.existingUids(), VALIDATOR, 1, 1, null, false, 1_000);
        assertThat(refusal(notLimited, row(List.of(2, 2, 9), List.of(1, 1, 1)))).isEqualTo("no-validator-permit");
        CallerState permitted = new CallerState(base().subnet(), 4, s.existingUids(), VALIDATOR, 1, 1, null, true, 1_000);
        assertThat(refusal(permitted, row(List.of(2, 9, 9), List.of(1, 1, 1)))).isEqualTo("duplicate-uids");
    }

    @Test
    void aRevealSkipsTheModeCheckAndTheRateLimit() {
        CallerState s = caller(hp(b -> b.commitReveal(true)));
        CallerState justCommitted = new CallerState(s.subnet(), 4, s.existingUids(), VALIDATOR, 1, s.stakeRao(), 999L, true, 1_000);
        assertThatCode(() -> WeightRules.checkSet(justCommitted, row(List.of(2), List.of(1)), true)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ApiProblem.class,
                () -> WeightRules.checkSet(justCommitted, row(List.of(2, 2), List.of(1, 1)), true)).type()).isEqualTo("duplicate-uids");
    }

    @Nested
    class Commits {

        CallerState commitReveal(Long lastUpdate, long block) {
            CallerState s = caller(hp(b -> b.commitReveal(true)));
            return new CallerState(s.subnet(), 4, s.existingUids(), VALIDATOR, 1, s.stakeRao(), lastUpdate, true, block);
        }

        static final String HASH = "ab".repeat(32);

        String refusal(CallerState s, String hash, int pending) {
            ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> WeightRules.checkCommit(s, hash, pending));
            assertThat(p).as("refused").isNotNull();
            return p.type();
        }

        @Test
        void acceptsAWellFormedCommit() {
            assertThatCode(() -> WeightRules.checkCommit(commitReveal(null, 10), HASH, 0)).doesNotThrowAnyException();
        }

        @Test
        void commitNeedsCommitRevealOn() {
            assertThat(refusal(base(), HASH, 0)).isEqualTo("commit-reveal-disabled");
        }

        @Test
        void hashMustBeSha256Hex() {
            assertThat(refusal(commitReveal(null, 10), "xyz", 0)).isEqualTo("invalid-commit-hash");
        }

        @Test
        void committerMustBeRegistered() {
            CallerState s = commitReveal(null, 10);
            CallerState stranger = new CallerState(s.subnet(), 4, s.existingUids(), "stranger", null, 0, null, false, 10);
            assertThat(refusal(stranger, HASH, 0)).isEqualTo("hotkey-not-registered");
        }

        @Test
        void aCommitIsRateLimitedLikeASet() {
            assertThat(refusal(commitReveal(950L, 1_000), HASH, 0)).isEqualTo("rate-limited");
        }

        @Test
        void atMostTenPendingCommits() {
            assertThatCode(() -> WeightRules.checkCommit(commitReveal(null, 10), HASH, 9)).doesNotThrowAnyException();
            assertThat(refusal(commitReveal(null, 10), HASH, 10)).isEqualTo("too-many-commits");
        }
    }

    @Nested
    class Reveals {

        PendingCommit committedIn(long epoch) {
            return new PendingCommit(1, 1, 1, VALIDATOR, "ab".repeat(32), 100, epoch);
        }

        @Test
        void acceptedInCommitEpochPlusRevealPeriod() {
            assertThat(WeightRules.checkReveal(List.of(committedIn(3)), 4, 1).commitEpoch()).isEqualTo(3);
            assertThat(WeightRules.checkReveal(List.of(committedIn(3)), 5, 2).commitEpoch()).isEqualTo(3);
        }

        @Test
        void noMatchingCommitIsNotFound() {
            assertThat(catchThrowableOfType(ApiProblem.class, () -> WeightRules.checkReveal(List.of(), 4, 1)).type())
                    .isEqualTo("commit-not-found");
        }

        @Test
        void tooEarly() {
            assertThat(catchThrowableOfType(ApiProblem.class, () -> WeightRules.checkReveal(List.of(committedIn(3)), 3, 1)).type())
                    .isEqualTo("reveal-too-early");
        }

        @Test
        void tooLate() {
            assertThat(catchThrowableOfType(ApiProblem.class, () -> WeightRules.checkReveal(List.of(committedIn(3)), 5, 1)).type())
                    .isEqualTo("reveal-too-late");
            assertThat(WeightRules.isExpired(3, 5, 1)).isTrue();
            assertThat(WeightRules.isExpired(3, 4, 1)).isFalse();
        }

        @Test
        void theCommitInItsWindowWinsOverAnExpiredTwin() {
            PendingCommit old = new PendingCommit(1, 1, 1, VALIDATOR, "ab".repeat(32), 10, 1);
            PendingCommit current = new PendingCommit(2, 1, 1, VALIDATOR, "ab".repeat(32), 100, 3);
            assertThat(WeightRules.checkReveal(List.of(old, current), 4, 1).id()).isEqualTo(2);
        }
    }

    /** Defaults of spec/protocol.md §8 with commit-reveal off, stake threshold 0 and a rate limit of 100. */
    static final class HpBuilder {
        boolean commitReveal = false;
        long stakeThreshold = 0;
        long versionKey = 0;
        int minAllowedWeights = 1;
        int maxWeightsLimit = 65_535;

        HpBuilder commitReveal(boolean v) { commitReveal = v; return this; }
        HpBuilder stakeThreshold(long v) { stakeThreshold = v; return this; }
        HpBuilder versionKey(long v) { versionKey = v; return this; }
        HpBuilder minAllowedWeights(int v) { minAllowedWeights = v; return this; }
        HpBuilder maxWeightsLimit(int v) { maxWeightsLimit = v; return this; }

        Hyperparameters build() {
            Hyperparameters d = Hyperparameters.defaults();
            return new Hyperparameters(d.tempo(), d.immunityPeriod(), minAllowedWeights, maxWeightsLimit,
                    d.maxAllowedUids(), d.maxAllowedValidators(), 100, versionKey, commitReveal, d.revealPeriod(),
                    d.kappa(), d.bondsMovingAverage(), d.bondsPenalty(), d.yuma3Enabled(), d.liquidAlphaEnabled(),
                    d.alphaLow(), d.alphaHigh(), d.alphaSigmoidSteepness(), d.activityCutoffFactorMilli(),
                    stakeThreshold, d.minBurn(), d.maxBurn(), d.burnHalfLife(), d.burnIncreaseMultMilli(),
                    d.registrationAllowed(), d.minNonImmuneUids());
        }
    }
}
