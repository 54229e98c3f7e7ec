package net.taonet.sdk;

/**
 * One kind of useful work a subnet pays for. A task type plays three roles, in two different processes:
 * <ul>
 *   <li>the validator asks {@link #challenges()} for a challenge and publishes it to a miner;</li>
 *   <li>the miner's worker runs it with {@link #handler(TaskSettings)} and returns a result;</li>
 *   <li>the validator rates the result with {@link #scorer()}: a score in [0, 1].</li>
 * </ul>
 * Challenges and results are JSON text: they travel inside {@code TaskAssigned.challenge} and
 * {@code TaskCompleted.result}, which is why nothing here is typed beyond {@code String}.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (see {@link TaskTypes}): list the class in
 * {@code META-INF/services/net.taonet.sdk.TaskType} and give it a public no-argument constructor. One
 * instance serves many threads, so it must be thread-safe (stateless is simplest).
 */
public interface TaskType {

    /** The stable name subnets are opened for and assignments carry ({@code TaskAssigned.taskType}). */
    String name();

    /** The version of the challenge/result formats; a worker publishes it in its serving metadata. */
    default String version() {
        return "1";
    }

    /** The validator's side: makes challenges. */
    ChallengeGenerator challenges();

    /** The validator's side: rates results. */
    Scorer scorer();

    /**
     * The worker's side: a handler configured by the operator's settings (e.g. a model server URL). Called
     * once at worker start-up; the handler is then shared by every task of this type and closed at shutdown.
     */
    TaskHandler handler(TaskSettings settings);
}
