package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Prometheus and Grafana of docker-compose.yml, read without running them: every service is scraped on its
 * port, the dashboards are well-formed and ask only for metrics that exist: {@code taonet_*} ones must be
 * meters the code registers, the others come from the frameworks (listed here, so a new one is a choice).
 * Every service logs structured JSON and exposes the Prometheus endpoint.
 */
class MonitoringFilesTest {

    /** Framework meters the dashboards use: Micrometer's JVM, process, HTTP, Hikari and Kafka client binders. */
    static final Set<String> FRAMEWORK_METRICS = Set.of("up", "jvm_memory_used_bytes", "process_cpu_usage",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "hikaricp_connections_active",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_records_consumed_rate");

    /** What Micrometer's Prometheus naming appends to a meter's name. */
    static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum",
            "_seconds_bucket", "_seconds_max", "_count", "_sum", "_bucket", "_max");

    static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "increase", "deriv",
            "histogram_quantile", "by", "without", "on", "ignoring", "and", "or", "unless", "offset");

    static Path root;
    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        root = Path.of("../..").toAbsolutePath().normalize();
        services = (Map<String, Object>) ((Map<String, Object>) yaml(root.resolve("docker-compose.yml"))).get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceOnItsPort() throws IOException {
        Map<String, Object> config = (Map<String, Object>) yaml(root.resolve("deploy/prometheus/prometheus.yml"));
        Set<String> targets = new TreeSet<>();
        for (Object job : (List<Object>) config.get("scrape_configs")) {
            Map<String, Object> j = (Map<String, Object>) job;
            for (Object sc : (List<Object>) j.get("static_configs")) {
                for (Object t : (List<Object>) ((Map<String, Object>) sc).get("targets")) {
                    if (!"prometheus".equals(j.get("job_name"))) {
                        assertThat(j.get("metrics_path")).as("metrics path of %s", j.get("job_name"))
                                .isEqualTo("/actuator/prometheus");
                        assertThat(t.toString()).startsWith(j.get("job_name") + ":");
                    }
                    targets.add(t.toString());
                }
            }
        }
        for (Map.Entry<String, Integer> service : ComposeFileTest.DESIGN_PORTS.entrySet()) {
            assertThat(targets).contains(service.getKey() + ":" + service.getValue());
            assertThat(services).containsKey(service.getKey());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPrometheusAndGrafanaWithTheseFiles() {
        Map<String, Object> prometheus = (Map<String, Object>) services.get("prometheus");
        assertThat((List<Object>) prometheus.get("volumes"))
                .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        Map<String, Object> grafana = (Map<String, Object>) services.get("grafana");
        assertThat((List<Object>) grafana.get("volumes")).contains(
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(((Map<String, Object>) grafana.get("depends_on"))).containsKey("prometheus");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardsUseTheProvisionedDatasourceAndOnlyMetricsThatExist() throws IOException {
        Map<String, Object> datasources = (Map<String, Object>) yaml(
                root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        Object uid = ((Map<String, Object>) ((List<Object>) datasources.get("datasources")).get(0)).get("uid");
        Set<String> meters = meterNames();
        assertThat(meters).as("meters found in the code").contains("taonet_consensus_epochs", "taonet_outbox_backlog",
                "taonet_ledger_issuance_rao", "taonet_scoring_tasks", "taonet_worker_tasks_completed");

        List<Path> dashboards;
        try (Stream<Path> s = Files.list(root.resolve("deploy/grafana/dashboards"))) {
            dashboards = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(3);
        Set<String> uids = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Path file : dashboards) {
            Map<String, Object> dashboard = (Map<String, Object>) yaml(file); // JSON is YAML
            assertThat(uids.add(dashboard.get("uid").toString())).as("uid of %s is unique", file).isTrue();
            Set<Object> ids = new HashSet<>();
            for (Object p : (List<Object>) dashboard.get("panels")) {
                Map<String, Object> panel = (Map<String, Object>) p;
                assertThat(ids.add(panel.get("id"))).as("panel ids of %s", file).isTrue();
                if ("row".equals(panel.get("type"))) {
                    continue;
                }
                assertThat(((Map<String, Object>) panel.get("datasource")).get("uid")).isEqualTo(uid);
                List<Object> targets = (List<Object>) panel.get("targets");
                assertThat(targets).as("queries of '%s'", panel.get("title")).isNotEmpty();
                for (Object t : targets) {
                    for (String metric : metrics(((Map<String, Object>) t).get("expr").toString())) {
                        used.add(metric);
                        boolean known = metric.startsWith("taonet_")
                                ? SUFFIXES.stream().anyMatch(suffix -> metric.endsWith(suffix)
                                        && meters.contains(metric.substring(0, metric.length() - suffix.length())))
                                : FRAMEWORK_METRICS.contains(metric);
                        if (!known) {
                            unknown.add(file.getFileName() + " '" + panel.get("title") + "': " + metric);
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("metrics no code registers").isEmpty();
        // The list: each of these is on a dashboard.
        assertThat(used).contains("taonet_consensus_epochs_total", "taonet_consensus_epoch_seconds_bucket",
                "taonet_emission_settlements_total", "taonet_registry_registrations_total",
                "taonet_scoring_weights_accepted_total", "taonet_scoring_weights_refused_total", "taonet_scoring_tasks_total",
                "taonet_scoring_task_latency_seconds_bucket", "taonet_ledger_issuance_rao", "taonet_outbox_backlog",
                "kafka_consumer_fetch_manager_records_lag_max", "taonet_kafka_dead_letters_total");
    }

    @Test
    void theMetricsOfAnExpressionAreFound() {
        assertThat(metrics("histogram_quantile(0.99, sum by (le, netuid) (rate(taonet_x_seconds_bucket{a=\"b\"}[5m]))) / 1e9"))
                .containsExactly("taonet_x_seconds_bucket");
        assertThat(metrics("max(a_b) - min by (job) (c_d offset 5m)")).containsExactlyInAnyOrder("a_b", "c_d");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceLogsJsonAndExposesPrometheus() {
        for (String module : ComposeFileTest.DESIGN_PORTS.keySet()) {
            Map<String, Object> flat = KubernetesManifestsTest.flatApplicationYml(module);
            assertThat(flat.get("logging.structured.format.console")).as("log format of %s", module)
                    .isEqualTo("${TAONET_LOG_FORMAT:ecs}");
            assertThat(flat.get("management.endpoints.web.exposure.include").toString()).as(module).contains("prometheus");
            assertThat(flat.get("management.metrics.tags.application")).as(module).isEqualTo("${spring.application.name}");
        }
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels or numbers. */
    static Set<String> metrics(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_.])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Meter names the code registers, as Prometheus spells them before its suffixes: every {@code "taonet.…"}
     * string literal of the main sources that is not a configuration prefix.
     */
    static Set<String> meterNames() throws IOException {
        Pattern literal = Pattern.compile("\"(taonet\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)+)\"");
        Pattern configuration = Pattern.compile("@(ConfigurationProperties|ConditionalOnProperty)\\([^)]*\"(taonet\\.[a-z0-9_.-]+)\"");
        Set<String> names = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return name.equals("target") || name.equals("node_modules") || name.startsWith(".") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.toString().endsWith(".java") && file.toString().contains("/src/main/java/")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path source : sources) {
            String text = Files.readString(source);
            Set<String> prefixes = new HashSet<>();
            Matcher c = configuration.matcher(text);
            while (c.find()) {
                prefixes.add(c.group(2));
            }
            Matcher m = literal.matcher(text);
            while (m.find()) {
                if (!prefixes.contains(m.group(1))) {
                    names.add(m.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    private static Object yaml(Path file) throws IOException {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }
}
