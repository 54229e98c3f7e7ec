package net.taonet.scoring.weights.domain;

import net.taonet.identity.CommitHash;
import java.util.List;
import net.taonet.events.scoring.WeightsSet.UidWeight;

/** A row that took effect: as stored, with the block it was set at and the UID's last update. */
public record AppliedWeights(int netuid, int uid, String hotkey, List<UidWeight> weights, long block, long lastUpdate,
        String revealedCommitHash) {
}
