package net.taonet.registry.subnet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.registry.subnet.domain.HyperparameterRules.Context;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * spec/protocol.md §8 on subnet 1 with the defaults (tempo 360). Its epochs run at blocks b with
 * (b + 2) mod 361 = 0: 1,081, 1,442, 1,803, 2,164, 2,525, 2,886 …
 */
class HyperparameterRulesTest {

    static final Hyperparameters DEFAULTS = Hyperparameters.defaults();
    static final Context OWNER = new Context(1, DEFAULTS, 12, 360, false);
    static final Context ADMIN = new Context(1, DEFAULTS, 12, 360, true);
    static final long QUIET_BLOCK = 1_500; // next epoch at 1,803

    static ApiProblem refusal(Hyperparameter p, Object value, Context ctx, long block, Long last) {
        try {
            HyperparameterRules.change(p, value, ctx, block, last);
        } catch (ApiProblem e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void anOwnerChangesAnOwnerParameter() {
        Hyperparameters h = HyperparameterRules.change(Hyperparameter.TEMPO, 720, OWNER, QUIET_BLOCK, null);
        assertThat(h.tempo()).isEqualTo(720);
        assertThat(h).isEqualTo(HyperparameterRules.with(DEFAULTS, Hyperparameter.TEMPO, 720));
        assertThat(h.kappa()).isEqualTo(DEFAULTS.kappa());
    }

    @Test
    void anOwnerCannotChangeAnAdminParameter() {
        ApiProblem p = refusal(Hyperparameter.KAPPA, 40_000, OWNER, QUIET_BLOCK, null);
        assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(p.type()).isEqualTo("admin-only-hyperparameter");
    }

    @Test
    void theAdminChangesAnything() {
        assertThat(HyperparameterRules.change(Hyperparameter.KAPPA, 40_000, ADMIN, QUIET_BLOCK, null).kappa())
                .isEqualTo(40_000);
        assertThat(HyperparameterRules.change(Hyperparameter.REGISTRATION_ALLOWED, false, ADMIN, QUIET_BLOCK, null)
                .registrationAllowed()).isFalse();
    }

    @Test
    void outOfRangeCarriesTheAllowedRange() {
        ApiProblem p = refusal(Hyperparameter.TEMPO, 359, OWNER, QUIET_BLOCK, null);
        assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(p.type()).isEqualTo("hyperparameter-out-of-range");
        assertThat(p.toProblemDetail().getProperties()).containsEntry("allowedRange", Map.of("min", 360L, "max", 50_400L));
    }

    @Test
    void theNetworkSetsTheLowestTempo() {
        Context local = new Context(1, DEFAULTS, 12, 10, false);
        assertThat(HyperparameterRules.change(Hyperparameter.TEMPO, 10, local, QUIET_BLOCK, null).tempo()).isEqualTo(10);
    }

    @Test
    void bondsMovingAverageOwnersUpTo975000AdminUpTo1000000() {
        assertThat(HyperparameterRules.change(Hyperparameter.BONDS_MOVING_AVERAGE, 975_000, OWNER, QUIET_BLOCK, null)
                .bondsMovingAverage()).isEqualTo(975_000);
        ApiProblem p = refusal(Hyperparameter.BONDS_MOVING_AVERAGE, 975_001, OWNER, QUIET_BLOCK, null);
        assertThat(p.toProblemDetail().getProperties()).containsEntry("allowedRange", Map.of("min", 0L, "max", 975_000L));
        assertThat(HyperparameterRules.change(Hyperparameter.BONDS_MOVING_AVERAGE, 1_000_000, ADMIN, QUIET_BLOCK, null)
                .bondsMovingAverage()).isEqualTo(1_000_000);
    }

    @Test
    void maxAllowedUidsOwnersOnlyDownAndNeverBelowTheNeurons() {
        assertThat(HyperparameterRules.change(Hyperparameter.MAX_ALLOWED_UIDS, 64, OWNER, QUIET_BLOCK, null)
                .maxAllowedUids()).isEqualTo(64);
        Context at128 = new Context(1, HyperparameterRules.with(DEFAULTS, Hyperparameter.MAX_ALLOWED_UIDS, 128), 12, 360, false);
        ApiProblem up = refusal(Hyperparameter.MAX_ALLOWED_UIDS, 129, at128, QUIET_BLOCK, null);
        assertThat(up.toProblemDetail().getProperties()).containsEntry("allowedRange", Map.of("min", 12L, "max", 128L));
        refusal(Hyperparameter.MAX_ALLOWED_UIDS, 11, at128, QUIET_BLOCK, null);
        Context adminAt128 = new Context(1, at128.current(), 12, 360, true);
        assertThat(HyperparameterRules.change(Hyperparameter.MAX_ALLOWED_UIDS, 256, adminAt128, QUIET_BLOCK, null)
                .maxAllowedUids()).isEqualTo(256);
    }

    @Test
    void onceEveryTwoTemposPerParameterForOwners() {
        // changed at 1,000: 2 × 360 = 720 blocks → again from 1,720
        ApiProblem p = refusal(Hyperparameter.IMMUNITY_PERIOD, 4_000, OWNER, 1_719, 1_000L);
        assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(p.toProblemDetail().getProperties()).containsEntry("nextAllowedBlock", 1_720L);
        assertThat(HyperparameterRules.change(Hyperparameter.IMMUNITY_PERIOD, 4_000, OWNER, 1_720, 1_000L)
                .immunityPeriod()).isEqualTo(4_000);
        // the admin is not rate-limited
        assertThat(HyperparameterRules.change(Hyperparameter.IMMUNITY_PERIOD, 4_000, ADMIN, 1_719, 1_000L)
                .immunityPeriod()).isEqualTo(4_000);
    }

    @Test
    void weightsVersionKeyOnceEveryFiveTempos() {
        // changed at 1,000: 5 × 360 = 1,800 blocks → again from 2,800 (next epoch 2,886)
        assertThat(refusal(Hyperparameter.WEIGHTS_VERSION_KEY, 7, OWNER, 2_799, 1_000L).toProblemDetail()
                .getProperties()).containsEntry("nextAllowedBlock", 2_800L);
        assertThat(HyperparameterRules.change(Hyperparameter.WEIGHTS_VERSION_KEY, 7, OWNER, 2_800, 1_000L)
                .weightsVersionKey()).isEqualTo(7);
    }

    @Test
    void neverInTheLastTenBlocksBeforeTheEpoch() {
        // epoch at 1,803: blocks 1,793 … 1,802 are frozen for owners
        ApiProblem p = refusal(Hyperparameter.TEMPO, 400, OWNER, 1_793, null);
        assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(p.type()).isEqualTo("hyperparameter-freeze-window");
        assertThat(p.toProblemDetail().getProperties()).containsEntry("epochBlock", 1_803L);
        refusal(Hyperparameter.TEMPO, 400, OWNER, 1_802, null);
        assertThat(HyperparameterRules.change(Hyperparameter.TEMPO, 400, OWNER, 1_792, null).tempo()).isEqualTo(400);
        assertThat(HyperparameterRules.change(Hyperparameter.TEMPO, 400, OWNER, 1_803, null).tempo()).isEqualTo(400);
        assertThat(HyperparameterRules.change(Hyperparameter.TEMPO, 400, ADMIN, 1_800, null).tempo()).isEqualTo(400);
    }

    @Test
    void valuesMustHaveTheRightShape() {
        assertThat(refusal(Hyperparameter.TEMPO, 1.5, OWNER, QUIET_BLOCK, null).type()).isEqualTo("invalid-hyperparameter-value");
        assertThat(refusal(Hyperparameter.YUMA3_ENABLED, 1, OWNER, QUIET_BLOCK, null).type()).isEqualTo("invalid-hyperparameter-value");
        assertThat(HyperparameterRules.change(Hyperparameter.TEMPO, "400", OWNER, QUIET_BLOCK, null).tempo()).isEqualTo(400);
        assertThat(HyperparameterRules.change(Hyperparameter.YUMA3_ENABLED, "false", OWNER, QUIET_BLOCK, null)
                .yuma3Enabled()).isFalse();
    }

    @Test
    void burnBoundsKeepMinBelowMaxAndAtLeastTheExistentialDeposit() {
        ApiProblem p = refusal(Hyperparameter.MIN_BURN, 100_000_000_001L, OWNER, QUIET_BLOCK, null);
        assertThat(p.toProblemDetail().getProperties())
                .containsEntry("allowedRange", Map.of("min", 500L, "max", 100_000_000_000L));
        refusal(Hyperparameter.MIN_BURN, 499, OWNER, QUIET_BLOCK, null);
        refusal(Hyperparameter.MAX_BURN, 499_999, OWNER, QUIET_BLOCK, null);
    }

    @Test
    void namesInSnakeOrCamelCase() {
        assertThat(Hyperparameter.byName("bonds_moving_average")).contains(Hyperparameter.BONDS_MOVING_AVERAGE);
        assertThat(Hyperparameter.byName("bondsMovingAverage")).contains(Hyperparameter.BONDS_MOVING_AVERAGE);
        assertThat(Hyperparameter.byName("burn_increase_mult_milli")).contains(Hyperparameter.BURN_INCREASE_MULT_MILLI);
        assertThat(Hyperparameter.byName("burn_increase_mult")).contains(Hyperparameter.BURN_INCREASE_MULT_MILLI);
        assertThat(Hyperparameter.byName("task_type")).isEmpty();
        assertThat(Hyperparameter.byName("nonsense")).isEmpty();
    }

    @Test
    void everyParameterNamesARecordComponent() {
        for (Hyperparameter p : Hyperparameter.values()) {
            assertThat(HyperparameterRules.get(DEFAULTS, p)).isNotNull();
        }
        assertThatThrownBy(() -> HyperparameterRules.change(Hyperparameter.ALPHA_LOW, 0, OWNER, QUIET_BLOCK, null))
                .isInstanceOf(ApiProblem.class);
    }
}
