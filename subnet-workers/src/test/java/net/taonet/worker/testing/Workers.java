package net.taonet.worker.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.taonet.testsupport.TestKafka;
import net.taonet.worker.WorkerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts real workers in the test JVM on the real test broker, each on a random port with its own settings
 * (a worker has no database, so only Kafka is needed).
 */
public final class Workers {

    private Workers() {
    }

    public static ConfigurableApplicationContext start(String name, Map<String, ?> overrides) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        props.put("server.port", "0");
        props.put("spring.application.name", name);
        props.put("taonet.worker.registry.url", "");
        props.put("management.prometheus.metrics.export.enabled", "true");
        props.putAll(overrides);
        List<String> args = new ArrayList<>();
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(WorkerApplication.class).run(args.toArray(String[]::new));
    }
}
