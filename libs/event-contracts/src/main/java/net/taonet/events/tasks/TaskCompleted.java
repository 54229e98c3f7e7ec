package net.taonet.events.tasks;

/**
 * A miner's answer to a task, signed by its hotkey (base64 ed25519 over {@link #signingPayload()}) so it
 * cannot be forged or claimed by another miner.
 */
public record TaskCompleted(String taskId, int netuid, int uid, String minerHotkey, String result,
        long latencyMillis, String signature) {

    public String signingPayload() {
        return String.join("\n", "TaskCompleted", taskId, Integer.toString(netuid), Integer.toString(uid),
                minerHotkey, result, Long.toString(latencyMillis));
    }
}
