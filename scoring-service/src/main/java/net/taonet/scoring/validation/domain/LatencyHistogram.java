package net.taonet.scoring.validation.domain;

import java.util.concurrent.atomic.AtomicLongArray;

/** Millisecond buckets up to a minute: cheap to record from many threads, exact percentiles, resettable. */
public final class LatencyHistogram {

    private static final int BUCKETS = 60_001;
    private volatile AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    public void record(long millis) {
        counts.incrementAndGet((int) Math.max(0, Math.min(BUCKETS - 1, millis)));
    }

    public void reset() {
        counts = new AtomicLongArray(BUCKETS);
    }

    public long count() {
        AtomicLongArray c = counts;
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += c.get(i);
        }
        return n;
    }

    /** The smallest value (ms) at or below which a share {@code q} of the samples lie; -1 when empty. */
    public long percentile(double q) {
        AtomicLongArray c = counts;
        long total = count();
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += c.get(i);
            if (seen >= Math.max(1, rank)) {
                return i;
            }
        }
        return BUCKETS - 1;
    }
}
