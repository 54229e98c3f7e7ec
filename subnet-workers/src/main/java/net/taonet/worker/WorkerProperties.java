package net.taonet.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the subnet-workers under {@code taonet.worker}. */
@Validated
@ConfigurationProperties("taonet.worker")
public record WorkerProperties(String adminKey) {

    public WorkerProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
    }
}
