package net.taonet.worker.testing;

import java.time.Duration;
import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeGenerator;
import net.taonet.sdk.Scorer;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;

/**
 * A test-only task type (on the test class path only): sleeps for the challenge's number of milliseconds,
 * e.g. {@code {"sleepMillis":1500}}, then answers {@code {"slept":1500}}. It makes slow tasks on demand.
 */
public final class SleepTaskType implements TaskType {

    public static final String NAME = "test-sleep";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChallengeGenerator challenges() {
        return ctx -> new Challenge(challenge(100), Duration.ofSeconds(5));
    }

    @Override
    public Scorer scorer() {
        return (challenge, s) -> s.result().startsWith("{\"slept\"") ? 1 : 0;
    }

    @Override
    public TaskHandler handler(TaskSettings settings) {
        return (challenge, ctx) -> {
            long millis = Long.parseLong(challenge.replaceAll("[^0-9]", ""));
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskException(TaskException.ERROR, "interrupted");
            }
            return "{\"slept\":" + millis + "}";
        };
    }

    public static String challenge(long millis) {
        return "{\"sleepMillis\":" + millis + "}";
    }
}
