package net.taonet.emission;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-to-service calls (docs/contracts.md): {@code /internal/**} requires the header
 * {@code X-Taonet-Service-Key} equal to {@code taonet.internal.service-key}.
 */
@ConfigurationProperties("taonet.internal")
public record InternalProperties(String serviceKey) {

    public InternalProperties {
        serviceKey = serviceKey == null || serviceKey.isBlank() ? "local-service-key" : serviceKey;
    }
}
