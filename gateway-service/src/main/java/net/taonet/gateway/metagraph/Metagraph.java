package net.taonet.gateway.metagraph;

import java.util.List;

/** A subnet's metagraph as of an epoch ({@code epoch} null before the first one), composed at {@code composedAtBlock}. */
public record Metagraph(int netuid, Long epoch, Long epochBlock, long composedAtBlock, int n, List<MetagraphEntry> neurons) {
}
