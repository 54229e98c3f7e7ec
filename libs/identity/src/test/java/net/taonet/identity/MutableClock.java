package net.taonet.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. */
final class MutableClock extends Clock {

    private final AtomicLong millis;

    MutableClock(long millis) {
        this.millis = new AtomicLong(millis);
    }

    void set(long value) {
        millis.set(value);
    }

    void advance(long delta) {
        millis.addAndGet(delta);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
