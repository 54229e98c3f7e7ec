package net.taonet.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the registry-service under {@code taonet.registry}. */
@Validated
@ConfigurationProperties("taonet.registry")
public record RegistryProperties(String adminKey) {

    public RegistryProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
    }
}
