package net.taonet.events.scoring;

import java.util.List;

/**
 * A validator's weight row took effect (set directly, or revealed). {@code weights} are the stored values:
 * max-upscaled u16 and sorted by UID. {@code lastUpdate} is the UID's last-update block.
 */
public record WeightsSet(int netuid, int uid, String hotkey, List<UidWeight> weights, long lastUpdate,
        String revealedCommitHash) {

    public record UidWeight(int uid, int weight) {
    }
}
