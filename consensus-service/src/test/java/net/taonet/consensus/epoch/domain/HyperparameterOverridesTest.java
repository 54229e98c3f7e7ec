package net.taonet.consensus.epoch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class HyperparameterOverridesTest {

    private final Hyperparameters base = Hyperparameters.defaults();

    @Test
    void overridesOnlyTheNamedValues() {
        Hyperparameters h = HyperparameterOverrides.apply(base,
                Map.of("kappa", 40_000, "bondsMovingAverage", 975_000L, "liquidAlphaEnabled", true));
        assertThat(h.kappa()).isEqualTo(40_000);
        assertThat(h.bondsMovingAverage()).isEqualTo(975_000);
        assertThat(h.liquidAlphaEnabled()).isTrue();
        assertThat(h).usingRecursiveComparison().ignoringFields("kappa", "bondsMovingAverage", "liquidAlphaEnabled")
                .isEqualTo(base);
        assertThat(HyperparameterOverrides.apply(base, Map.of())).isSameAs(base);
    }

    @Test
    void anOutOfRangeValueIsA400WithTheAllowedRange() {
        ProblemDetail p = problem(Map.of("kappa", 70_000));
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getType().toString()).isEqualTo("urn:taonet:problem:invalid-hyperparameter");
        assertThat(p.getProperties()).containsEntry("minimum", 0L).containsEntry("maximum", 65_535L)
                .containsEntry("hyperparameter", "kappa");
        assertThat(problem(Map.of("maxAllowedValidators", 300)).getProperties()).containsEntry("maximum", 256L);
        assertThat(problem(Map.of("activityCutoffFactorMilli", 999)).getProperties()).containsEntry("minimum", 1_000L);
    }

    @Test
    void wrongTypesUnknownNamesAndInconsistentAlphaAreRefused() {
        assertThat(problem(Map.of("kappa", 1.5)).getDetail()).contains("integer");
        assertThat(problem(Map.of("yuma3Enabled", "yes")).getDetail()).contains("true or false");
        assertThat(problem(Map.of("rho", 10)).getType().toString()).endsWith("unknown-hyperparameter");
        assertThat(problem(Map.of("alphaLow", 60_000, "alphaHigh", 50_000)).getDetail()).contains("alphaLow");
    }

    private ProblemDetail problem(Map<String, Object> overrides) {
        try {
            HyperparameterOverrides.apply(base, overrides);
        } catch (ApiProblem e) {
            return e.toProblemDetail();
        }
        throw new AssertionError("accepted " + overrides);
    }

    @Test
    void theNamesAreTheEpochsHyperparameters() {
        assertThat(HyperparameterOverrides.names()).contains("kappa", "bondsPenalty", "yuma3Enabled", "tempo")
                .doesNotContain("minBurn", "immunityPeriod");
        assertThatThrownBy(() -> HyperparameterOverrides.apply(base, Map.of("minBurn", 1)))
                .isInstanceOf(ApiProblem.class);
    }
}
