package net.taonet.gateway.apikey.domain;

import java.time.Instant;
import java.util.UUID;

/** An app builder's API key as stored: never the key itself, only its hash and a short prefix to recognise it. */
public record ApiKey(UUID id, String name, String keyPrefix, int requestsPerSecond, int burst, long monthlyQuota,
        Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
