package net.taonet.gateway.apikey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues, revokes and admits API keys. Keys are random 256-bit secrets shown once; only their SHA-256 is
 * stored. Admission is in memory on the hot path (a per-key token bucket and a usage counter that is
 * flushed to the database every second), so checking a key costs no database round trip after the first.
 * With several gateway instances each enforces the rate per instance; the monthly quota is shared through
 * the database and may overshoot by at most one flush interval of traffic.
 */
public class ApiKeyService {

    public static final String KEY_PREFIX = "tnk_";

    private final ApiKeyStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Admitted> byHash = new ConcurrentHashMap<>();

    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new key: the plaintext is in the answer and nowhere else. */
    public Issued create(String name, int requestsPerSecond, int burst, long monthlyQuota) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plaintext = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey(UUID.randomUUID(), name, plaintext.substring(0, 10), requestsPerSecond, burst,
                monthlyQuota, clock.instant(), null);
        store.insert(key, hash(plaintext));
        return new Issued(key, plaintext);
    }

    public List<ApiKey> list() {
        return store.findAll();
    }

    public Optional<ApiKey> find(UUID id) {
        return store.findById(id);
    }

    public boolean revoke(UUID id) {
        boolean revoked = store.revoke(id);
        byHash.values().removeIf(a -> a.key.id().equals(id));
        return revoked;
    }

    /** Decides whether one request with this key may go on, and counts it if so. */
    public Admission admit(String plaintext) {
        String keyHash = hash(plaintext);
        Admitted admitted = byHash.get(keyHash);
        if (admitted == null) {
            Optional<ApiKey> found = store.findByHash(keyHash);
            if (found.isEmpty()) {
                return new Admission(Admission.Outcome.UNKNOWN_KEY, 0, null);
            }
            ApiKey key = found.get();
            if (key.revoked()) {
                return new Admission(Admission.Outcome.REVOKED, 0, key);
            }
            String month = month();
            admitted = byHash.computeIfAbsent(keyHash, h -> new Admitted(key, month, store.usage(key.id(), month),
                    new TokenBucket(key.requestsPerSecond(), key.burst(), System.nanoTime())));
        }
        String month = month();
        long used = admitted.usedThisMonth(month);
        if (used >= admitted.key.monthlyQuota()) {
            return new Admission(Admission.Outcome.QUOTA_EXCEEDED, secondsUntilNextMonth(), admitted.key);
        }
        long waitNanos = admitted.bucket.tryTake(System.nanoTime());
        if (waitNanos > 0) {
            return new Admission(Admission.Outcome.RATE_LIMITED, Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000),
                    admitted.key);
        }
        admitted.count(month);
        return new Admission(Admission.Outcome.ALLOWED, 0, admitted.key);
    }

    /** Writes the requests counted since the last flush to the database. */
    public void flushUsage() {
        Map<String, Map<UUID, Long>> byMonth = new HashMap<>();
        for (Admitted a : byHash.values()) {
            long pending = a.pending.getAndSet(0);
            if (pending > 0) {
                byMonth.computeIfAbsent(a.month, m -> new HashMap<>()).merge(a.key.id(), pending, Long::sum);
            }
        }
        byMonth.forEach(store::addUsage);
    }

    public long usageThisMonth(UUID keyId) {
        long pending = byHash.values().stream().filter(a -> a.key.id().equals(keyId))
                .mapToLong(a -> a.pending.get()).sum();
        return store.usage(keyId, month()) + pending;
    }

    private String month() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
    }

    private long secondsUntilNextMonth() {
        Instant now = clock.instant();
        Instant next = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Math.max(1, next.getEpochSecond() - now.getEpochSecond());
    }

    public static String hash(String plaintext) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A freshly created key with its plaintext, which is never stored. */
    public record Issued(ApiKey key, String plaintext) {
    }

    /**
     * A key admitted before: its bucket, its usage this month (what the database had when it was loaded plus
     * what this instance counted since) and what this instance counted but has not flushed yet.
     */
    private static final class Admitted {
        final ApiKey key;
        final TokenBucket bucket;
        final AtomicLong used;
        final AtomicLong pending = new AtomicLong();
        volatile String month;

        Admitted(ApiKey key, String month, long storedUsage, TokenBucket bucket) {
            this.key = key;
            this.month = month;
            this.used = new AtomicLong(storedUsage);
            this.bucket = bucket;
        }

        long usedThisMonth(String now) {
            if (!now.equals(month)) {
                synchronized (this) {
                    if (!now.equals(month)) {
                        month = now;
                        used.set(0);
                    }
                }
            }
            return used.get();
        }

        void count(String now) {
            used.incrementAndGet();
            pending.incrementAndGet();
        }
    }
}
