package net.taonet.events.tasks;

/** A miner could not do a task ({@code reason}: busy, error, unsupported), signed like a completion. */
public record TaskFailed(String taskId, int netuid, int uid, String minerHotkey, String reason,
        String detail, String signature) {

    public String signingPayload() {
        return String.join("\n", "TaskFailed", taskId, Integer.toString(netuid), Integer.toString(uid),
                minerHotkey, reason, detail == null ? "" : detail);
    }
}
