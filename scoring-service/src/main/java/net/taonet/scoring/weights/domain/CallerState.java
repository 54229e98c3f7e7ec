package net.taonet.scoring.weights.domain;

import java.util.Set;
import net.taonet.scoring.metagraph.domain.SubnetInfo;

/**
 * Everything the checks of spec/protocol.md §6 look at, read in the request's transaction: the subnet, its
 * size and UIDs, and the caller's UID (null when its hotkey is not registered), stake, last update (null
 * when it never set or committed), permit from the latest epoch, and the current block.
 */
public record CallerState(SubnetInfo subnet, int subnetSize, Set<Integer> existingUids, String hotkey, Integer uid,
        long stakeRao, Long lastUpdate, boolean validatorPermit, long currentBlock) {

    public boolean isOwner() {
        return hotkey.equals(subnet.ownerHotkey());
    }
}
