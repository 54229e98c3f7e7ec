package net.taonet.worker.testing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Signatures;

/** Plays the validator in tests: makes assignments signed by its hotkey (the scoring service does this for real). */
public final class Validator {

    private final KeyPair key;

    public Validator(KeyPair key) {
        this.key = key;
    }

    public static Validator random() {
        return new Validator(KeyPair.generate());
    }

    public String address() {
        return key.address();
    }

    public TaskAssigned assign(int netuid, int uid, String minerHotkey, String taskType, String challenge,
            long deadlineMillis) {
        return sign(new TaskAssigned(UUID.randomUUID().toString(), netuid, uid, minerHotkey, key.address(), taskType,
                challenge, deadlineMillis, false, null));
    }

    public TaskAssigned assign(int netuid, int uid, String minerHotkey, String taskType, String challenge) {
        return assign(netuid, uid, minerHotkey, taskType, challenge, System.currentTimeMillis() + 20_000);
    }

    public TaskAssigned sign(TaskAssigned a) {
        String signature = Signatures.signBase64(key, a.signingPayload().getBytes(StandardCharsets.UTF_8));
        return new TaskAssigned(a.taskId(), a.netuid(), a.uid(), a.minerHotkey(), a.validatorHotkey(), a.taskType(),
                a.challenge(), a.deadlineMillis(), a.organic(), signature);
    }
}
