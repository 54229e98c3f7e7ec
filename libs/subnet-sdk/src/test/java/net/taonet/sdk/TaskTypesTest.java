package net.taonet.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TaskTypesTest {

    @Test
    void builtInTypesAreDiscovered() {
        assertThat(TaskTypes.load().names()).contains("echo", "gemm", "chat");
    }

    @Test
    void unknownAndDuplicateNamesFailClearly() {
        assertThatThrownBy(() -> TaskTypes.load().require("nope")).hasMessageContaining("unknown task type nope");
        TaskType a = fixed("x");
        assertThatThrownBy(() -> TaskTypes.of(a, fixed("x"))).hasMessageContaining("two task types");
    }

    @Test
    void defaultScoreAllScoresEachAlone() {
        Scorer scorer = (challenge, s) -> s.latencyMillis() < 10 ? 1 : 0;
        assertThat(scorer.quorum()).isEqualTo(1);
        assertThat(scorer.scoreAll("c", List.of(new Submission("a", 1, 100), new Submission("b", 50, 100))))
                .containsExactly(1.0, 0.0);
    }

    @Test
    void challengesAndSubmissionsRejectNonsense() {
        assertThatThrownBy(() -> new Challenge("{}", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Submission("{}", -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Submission("{}", 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Submission("{}", 30, 10).latencyShare()).isEqualTo(1.0);
    }

    @Test
    void settingsParseAndComplainAboutBadNumbers() {
        TaskSettings s = TaskSettings.of(Map.of("m", " 128 ", "blank", "  ", "bad", "x"));
        assertThat(s.getInt("m", 1)).isEqualTo(128);
        assertThat(s.get("blank")).isEmpty();
        assertThat(s.getInt("missing", 7)).isEqualTo(7);
        assertThatThrownBy(() -> s.getInt("bad", 1)).hasMessageContaining("bad");
    }

    @Property
    void clampAlwaysLandsInTheUnitInterval(@ForAll double raw) {
        assertThat(Scorer.clamp(raw)).isBetween(0.0, 1.0);
    }

    private static TaskType fixed(String name) {
        return new TaskType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ChallengeGenerator challenges() {
                return ctx -> new Challenge("{}", Duration.ofSeconds(1));
            }

            @Override
            public Scorer scorer() {
                return (c, s) -> 1;
            }

            @Override
            public TaskHandler handler(TaskSettings settings) {
                return (c, ctx) -> "{}";
            }
        };
    }
}
