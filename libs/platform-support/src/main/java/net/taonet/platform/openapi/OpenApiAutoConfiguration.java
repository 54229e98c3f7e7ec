package net.taonet.platform.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import net.taonet.platform.security.VerifiedSigner;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The same OpenAPI conventions in every service that has springdoc: problem responses
 * ({@link ProblemDocumentation}), a {@code public} group of the client-facing endpoints and an
 * {@code internal} group of the service-to-service {@code /internal/**} ones, and no verified-signer
 * argument shown as a parameter (the signature headers are documented instead).
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication
public class OpenApiAutoConfiguration {

    public static final String PUBLIC_GROUP = "public";
    public static final String INTERNAL_GROUP = "internal";

    static {
        SpringDocUtils config = SpringDocUtils.getConfig();
        config.addRequestWrapperToIgnore(VerifiedSigner.class);
        // A JsonNode field carries any JSON value (e.g. a task's payload), not an object of JsonNode's getters.
        for (String tree : List.of("tools.jackson.databind.JsonNode", "tools.jackson.databind.node.ObjectNode",
                "com.fasterxml.jackson.databind.JsonNode", "com.fasterxml.jackson.databind.node.ObjectNode")) {
            try {
                config.replaceWithSchema(Class.forName(tree, false, OpenApiAutoConfiguration.class.getClassLoader()),
                        new Schema<>().description("any JSON value"));
            } catch (ClassNotFoundException absent) {
                // that Jackson generation is not on the classpath
            }
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDocumentation problemDocumentation(@Value("${spring.application.name:service}") String name) {
        String version = OpenApiAutoConfiguration.class.getPackage().getImplementationVersion();
        return new ProblemDocumentation(name, version == null ? "0.1.0" : version);
    }

    @Bean
    @ConditionalOnMissingBean(name = "publicApi")
    GroupedOpenApi publicApi() {
        return GroupedOpenApi.builder().group(PUBLIC_GROUP).displayName("public API")
                .pathsToExclude("/internal/**").build();
    }

    /** Off ({@code taonet.openapi.internal-group=false}) in a service without internal endpoints. */
    @Bean
    @ConditionalOnProperty(name = "taonet.openapi.internal-group", havingValue = "true", matchIfMissing = true)
    @ConditionalOnMissingBean(name = "internalApi")
    GroupedOpenApi internalApi() {
        return GroupedOpenApi.builder().group(INTERNAL_GROUP).displayName("internal (service to service)")
                .pathsToMatch("/internal/**").build();
    }
}
