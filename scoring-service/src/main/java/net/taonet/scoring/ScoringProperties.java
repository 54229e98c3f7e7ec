package net.taonet.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the scoring-service under {@code taonet.scoring}. */
@Validated
@ConfigurationProperties("taonet.scoring")
public record ScoringProperties(String adminKey) {

    public ScoringProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
    }
}
