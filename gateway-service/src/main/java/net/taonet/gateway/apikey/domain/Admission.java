package net.taonet.gateway.apikey.domain;

/** Whether a request with an API key may go on, and if not, why and for how long. */
public record Admission(Outcome outcome, long retryAfterSeconds, ApiKey key) {

    public enum Outcome { ALLOWED, UNKNOWN_KEY, REVOKED, RATE_LIMITED, QUOTA_EXCEEDED }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
