package net.taonet.platform.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of signed-request verification (DESIGN §6). {@code window}: how far a nonce (milliseconds)
 * may be from this service's clock, either way (default 60 s: it bounds how long a captured request could
 * be replayed against a store that forgot it, and how much client clock skew is tolerated);
 * {@code maxBodyBytes}: the largest body a signed request may carry (it is held in memory to be hashed).
 */
@Validated
@ConfigurationProperties("taonet.security.signatures")
public record SignatureProperties(Duration window, @Min(0) Integer maxBodyBytes) {

    public SignatureProperties {
        window = window == null ? Duration.ofSeconds(60) : window;
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
    }
}
