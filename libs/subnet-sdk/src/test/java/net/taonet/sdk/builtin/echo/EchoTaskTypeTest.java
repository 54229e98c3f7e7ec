package net.taonet.sdk.builtin.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;
import net.taonet.sdk.TaskTypes;

class EchoTaskTypeTest {

    private final TaskType echo = TaskTypes.load().require("echo");

    @Test
    void answersAreCheckedExactly() throws TaskException {
        Challenge challenge = echo.challenges().next(ChallengeContext.of(1, new SplittableRandom(3)));
        String answer = echo.handler(TaskSettings.empty()).execute(challenge.payload(),
                TaskContext.simple("t", Long.MAX_VALUE));
        assertThat(answer).matches("\\{\"sha256\":\"[0-9a-f]{64}\"\\}");
        assertThat(echo.scorer().score(challenge.payload(), new Submission(answer, 0, 1000))).isEqualTo(1.0);
        assertThat(echo.scorer().score(challenge.payload(), new Submission(answer, 1000, 1000))).isEqualTo(0.5);
        String forged = answer.replace(answer.charAt(12), answer.charAt(12) == 'a' ? 'b' : 'a');
        assertThat(echo.scorer().score(challenge.payload(), new Submission(forged, 0, 1000))).isZero();
        assertThat(echo.scorer().score("{}", new Submission(answer, 0, 1000))).isZero();
    }

    @Test
    void malformedChallengesAreRefused() {
        assertThatThrownBy(() -> echo.handler(TaskSettings.empty()).execute("{\"nonce\":\"zz\"}",
                TaskContext.simple("t", Long.MAX_VALUE)))
                .isInstanceOfSatisfying(TaskException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskException.BAD_CHALLENGE));
    }
}
