package net.taonet.events.registry;

/**
 * A full subnet's prune candidate was replaced: the UID now belongs to {@code hotkey}. Consumers clear
 * the UID's weights (its row and the column others set on it), bonds, endpoint and scores.
 */
public record NeuronReplaced(int netuid, int uid, String previousHotkey, String hotkey, String coldkey,
        long registrationBlock, long burnRao) {
}
