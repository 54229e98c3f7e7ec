package net.taonet.events.tasks;

/**
 * A validator asks the miner at (netuid, uid) to do one task before {@code deadlineMillis} (epoch ms).
 * {@code challenge} is the task type's own JSON. {@code signature} is the validator hotkey's ed25519
 * signature (base64) over {@link #signingPayload()}.
 */
public record TaskAssigned(String taskId, int netuid, int uid, String minerHotkey, String validatorHotkey,
        String taskType, String challenge, long deadlineMillis, boolean organic, String signature) {

    public String signingPayload() {
        return String.join("\n", "TaskAssigned", taskId, Integer.toString(netuid), Integer.toString(uid),
                minerHotkey, validatorHotkey, taskType, challenge, Long.toString(deadlineMillis),
                Boolean.toString(organic));
    }
}
