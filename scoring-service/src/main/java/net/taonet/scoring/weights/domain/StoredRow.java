package net.taonet.scoring.weights.domain;

import java.util.List;
import net.taonet.events.scoring.WeightsSet.UidWeight;

/** A weight row as stored: max-upscaled, sorted by UID. */
public record StoredRow(int netuid, int uid, String hotkey, List<UidWeight> weights, long setBlock) {
}
