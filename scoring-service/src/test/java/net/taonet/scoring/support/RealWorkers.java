package net.taonet.scoring.support;

import java.util.HashMap;
import java.util.Map;
import net.taonet.identity.KeyPair;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.worker.WorkerApplication;

/**
 * Real miners (subnet-workers) in the test JVM, each with a fixed UID and no registry. This JVM's class path
 * also carries the scoring-service's database starters, which a worker must not pick up (it has no
 * database): they are excluded.
 */
public final class RealWorkers {

    private static final String NO_DATABASE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    private RealWorkers() {
    }

    public static RunningService start(String name, int netuid, int uid, KeyPair hotkey, String taskType,
            String behaviour, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.autoconfigure.exclude", NO_DATABASE);
        props.put("taonet.worker.netuid", netuid);
        props.put("taonet.worker.uid", uid);
        props.put("taonet.worker.hotkey-seed", hotkey.seedHex());
        props.put("taonet.worker.registry.url", "");
        props.put("taonet.worker.serving.enabled", "false");
        props.put("taonet.worker.behaviour", behaviour);
        props.put("taonet.worker.task-types", taskType);
        props.put("taonet.worker.tasks.gemm.backend", "naive");
        props.put("spring.kafka.consumer.group-id", "worker-" + name);
        props.putAll(extra);
        return ServiceLauncher.start(WorkerApplication.class, "worker_" + name.replaceAll("[^A-Za-z0-9]", "_"), props);
    }
}
