package net.taonet.consensus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the consensus-service under {@code taonet.consensus}. */
@Validated
@ConfigurationProperties("taonet.consensus")
public record ConsensusProperties(String adminKey) {

    public ConsensusProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
    }
}
