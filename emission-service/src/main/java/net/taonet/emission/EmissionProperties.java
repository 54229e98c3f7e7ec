package net.taonet.emission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the emission-service under {@code taonet.emission}. */
@Validated
@ConfigurationProperties("taonet.emission")
public record EmissionProperties(String adminKey) {

    public EmissionProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
    }
}
