package net.taonet.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the gateway-service under {@code taonet.gateway}. */
@Validated
@ConfigurationProperties("taonet.gateway")
public record GatewayProperties(String adminKey) {

    public GatewayProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
    }
}
