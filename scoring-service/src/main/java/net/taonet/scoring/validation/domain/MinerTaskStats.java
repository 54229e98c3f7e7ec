package net.taonet.scoring.validation.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each miner's tasks ended, since start-up: assigned, answered (and of those, late), failed as the miner
 * reported, timed out, and the validator-measured latency of its last {@value #WINDOW} answers (assignment to
 * receipt). A miner is a hotkey at a UID of a subnet, so a replaced UID starts afresh.
 */
public final class MinerTaskStats {

    static final int WINDOW = 256;

    /** One miner's figures; the latencies are null before its first answer. */
    public record MinerTasks(int netuid, int uid, String hotkey, long assigned, long answered, long late, long failed,
            long timedOut, Long latencyP50Millis, Long latencyP95Millis, Long lastOutcomeAtMillis) {
    }

    private record Key(int netuid, int uid, String hotkey) {
    }

    private static final class Tally {
        long assigned;
        long answered;
        long late;
        long failed;
        long timedOut;
        long lastOutcomeAt;
        final long[] latencies = new long[WINDOW];
        int recorded;

        synchronized void outcome(TaskOutcome outcome, long now) {
            lastOutcomeAt = now;
            if (outcome instanceof TaskOutcome.Answered a) {
                answered++;
                if (a.late()) {
                    late++;
                }
                latencies[recorded++ % WINDOW] = a.latencyMillis();
            } else if (outcome instanceof TaskOutcome.Failed) {
                failed++;
            } else {
                timedOut++;
            }
        }

        synchronized MinerTasks view(Key k) {
            Long p50 = null;
            Long p95 = null;
            int n = Math.min(recorded, WINDOW);
            if (n > 0) {
                long[] sorted = Arrays.copyOf(latencies, n);
                Arrays.sort(sorted);
                p50 = sorted[rank(0.50, n)];
                p95 = sorted[rank(0.95, n)];
            }
            return new MinerTasks(k.netuid(), k.uid(), k.hotkey(), assigned, answered, late, failed, timedOut, p50, p95,
                    lastOutcomeAt == 0 ? null : lastOutcomeAt);
        }

        /** Nearest rank: the smallest sample at or below which a share q of the samples lie. */
        private static int rank(double q, int n) {
            return Math.max(0, (int) Math.ceil(q * n) - 1);
        }
    }

    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    void assigned(InFlightTask t) {
        Tally tally = tally(t);
        synchronized (tally) {
            tally.assigned++;
        }
    }

    void resolved(InFlightTask t, TaskOutcome outcome, long nowMillis) {
        tally(t).outcome(outcome, nowMillis);
    }

    /** Every miner, by subnet and UID; {@code netuid} null for all subnets. */
    public List<MinerTasks> miners(Integer netuid) {
        List<MinerTasks> out = new ArrayList<>();
        tallies.forEach((k, v) -> {
            if (netuid == null || k.netuid() == netuid) {
                out.add(v.view(k));
            }
        });
        out.sort(Comparator.comparingInt(MinerTasks::netuid).thenComparingInt(MinerTasks::uid)
                .thenComparing(MinerTasks::hotkey));
        return out;
    }

    private Tally tally(InFlightTask t) {
        return tallies.computeIfAbsent(new Key(t.netuid(), t.uid(), t.minerHotkey()), k -> new Tally());
    }
}
