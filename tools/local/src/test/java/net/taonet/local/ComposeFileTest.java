package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is checked by reading it: every service
 * module has its service, built from the one Dockerfile, on the port of DESIGN §2 and of its own
 * application.yml, with its own database (created by the init script and by the local runtime), every
 * localhost setting overridden for the container network, healthchecks everywhere and start-up ordered by
 * {@code service_healthy}.
 */
class ComposeFileTest {

    /** DESIGN §2 (copied: the design folder is not part of the build). */
    static final Map<String, Integer> DESIGN_PORTS = Map.of(
            "gateway-service", 8080,
            "registry-service", 8081,
            "emission-service", 8082,
            "consensus-service", 8083,
            "scoring-service", 8084,
            "subnet-workers", 8090);

    static Path root;
    static Map<String, Object> compose;
    static Map<String, Object> services;
    static List<String> serviceModules;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        root = Path.of("../..").toAbsolutePath().normalize();
        compose = (Map<String, Object>) yaml(root.resolve("docker-compose.yml")).get(0);
        services = map(compose.get("services"));
        // Services are the modules at the top level of the reactor that run as Spring Boot applications, i.e.
        // have an application.yml (libraries live in libs/, tools in tools/; the dashboard's front end and the
        // whole-network test modules sit at the top level too, but run nothing of their own).
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        serviceModules = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).contains("/")
                    && Files.exists(root.resolve(m.group(1)).resolve("src/main/resources/application.yml"))) {
                serviceModules.add(m.group(1));
            }
        }
    }

    @Test
    void theDesignsServicesAreTheReactorsServiceModules() {
        assertThat(serviceModules).containsExactlyInAnyOrderElementsOf(DESIGN_PORTS.keySet());
    }

    @Test
    void everyServiceModuleIsBuiltFromTheOneDockerfileWithItsModuleAsArgument() throws IOException {
        for (String module : serviceModules) {
            assertThat(services).as("docker-compose.yml services").containsKey(module);
            Map<String, Object> build = map(service(module).get("build"));
            assertThat(build.get("context")).as(module).isEqualTo(".");
            assertThat(build.get("dockerfile")).as(module).isEqualTo("deploy/Dockerfile");
            assertThat(map(build.get("args")).get("MODULE")).as(module).isEqualTo(module);
        }
        String dockerfile = Files.readString(root.resolve("deploy/Dockerfile"));
        assertThat(dockerfile).contains("ARG MODULE", "-pl \"${MODULE}\"", "-Djarmode=tools", "extract --layers --launcher",
                "org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void portsAgreeWithTheDesignTheApplicationYmlAndTheLocalRuntime() {
        List<ServiceSpec> local = ServiceSpec.load(root.resolve("tools/local/services.conf"));
        for (String module : serviceModules) {
            int port = DESIGN_PORTS.get(module);
            assertThat(flatApplicationYml(module).get("server.port")).as("server.port of %s", module).isEqualTo(port);
            assertThat(list(service(module).get("ports"))).as("ports of %s", module).contains(port + ":" + port);
            assertThat(local).as("tools/local/services.conf").anyMatch(s -> s.name().equals(module)
                    && s.module().equals(module) && s.port() == port);
            assertThat(list(map(service(module).get("healthcheck")).get("test")))
                    .as("healthcheck of %s", module).contains("http://localhost:" + port + "/actuator/health");
        }
    }

    @Test
    void eachServiceHasItsOwnDatabaseCreatedByTheInitScriptAndByTheLocalRuntime() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String module : serviceModules) {
            Object url = flatApplicationYml(module).get("spring.datasource.url");
            Map<String, String> env = environment(module);
            if (url == null) {
                assertThat(env).as("%s owns no database", module).doesNotContainKey("SPRING_DATASOURCE_URL");
                continue;
            }
            String database = url.toString().substring(url.toString().lastIndexOf('/') + 1);
            assertThat(database).as("database of %s", module)
                    .isEqualTo("taonet_" + module.substring(0, module.indexOf('-')));
            assertThat(used.add(database)).as("%s shares its database", module).isTrue();
            assertThat(env.get("SPRING_DATASOURCE_URL")).as(module)
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat(dependsOnHealthy(module)).as("%s waits for postgres", module).contains("postgres");
        }
        String init;
        try (Stream<Path> scripts = Files.list(root.resolve("deploy/postgres-init"))) {
            init = scripts.sorted().map(ComposeFileTest::read).collect(Collectors.joining("\n"));
        }
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("CREATE DATABASE (\\w+)").matcher(init);
        while (m.find()) {
            created.add(m.group(1));
        }
        assertThat(created).as("deploy/postgres-init").isEqualTo(used);
        assertThat(new TreeSet<>(LocalPostgres.DATABASES)).as("the local runtime's databases").isEqualTo(used);
        assertThat(list(service("postgres").get("volumes"))).contains("./deploy/postgres-init:/docker-entrypoint-initdb.d:ro");
    }

    /** In a container localhost is the container itself: every such setting must be overridden. */
    @Test
    void everyLocalhostSettingOfAnApplicationYmlIsOverridden() {
        List<String> missing = new ArrayList<>();
        for (String module : serviceModules) {
            Map<String, String> env = environment(module);
            flatApplicationYml(module).forEach((property, value) -> {
                if (value instanceof String s && s.contains("localhost")) {
                    String canonical = property.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "");
                    String legacy = property.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "_");
                    String override = env.containsKey(canonical) ? env.get(canonical) : env.get(legacy);
                    if (override == null || override.contains("localhost")) {
                        missing.add(module + ": " + property + " (" + legacy + ")");
                    }
                }
            });
        }
        assertThat(missing).as("settings to override in docker-compose.yml").isEmpty();
    }

    @Test
    void everythingIsHealthcheckedAndStartsAfterWhatItNeedsIsHealthy() {
        services.forEach((name, definition) -> {
            assertThat(map(definition)).as("%s has a healthcheck", name).containsKey("healthcheck");
            Object dependsOn = map(definition).get("depends_on");
            if (dependsOn != null) {
                map(dependsOn).forEach((dependency, condition) -> assertThat(map(condition).get("condition"))
                        .as("%s depends on %s", name, dependency).isEqualTo("service_healthy"));
            }
        });
        for (String module : serviceModules) {
            assertThat(dependsOnHealthy(module)).as("%s waits for kafka", module).contains("kafka");
            assertThat(environment(module).get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as(module).isEqualTo("kafka:9092");
        }
    }

    @Test
    void everyServiceAgreesOnTheVirtualChain() {
        Set<String> genesis = new TreeSet<>();
        Set<String> blockTime = new TreeSet<>();
        for (String module : serviceModules) {
            genesis.add(environment(module).get("TAONET_CHAIN_GENESIS"));
            blockTime.add(environment(module).get("TAONET_CHAIN_BLOCKTIME"));
        }
        assertThat(genesis).hasSize(1).doesNotContainNull();
        assertThat(blockTime).hasSize(1).doesNotContainNull();
    }

    @Test
    void kafkaIsTheOfficialImageInKraftModeAndPostgresTheOfficialOne() {
        Map<String, Object> kafka = service("kafka");
        assertThat(kafka.get("image").toString()).startsWith("apache/kafka:");
        Map<String, String> env = environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(list(kafka.get("ports"))).contains(Layout.KAFKA_PORT + ":" + Layout.KAFKA_PORT);
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("localhost:" + Layout.KAFKA_PORT, "kafka:9092");

        Map<String, Object> postgres = service("postgres");
        assertThat(postgres.get("image").toString()).startsWith("postgres:");
        assertThat(list(postgres.get("ports"))).contains(Layout.POSTGRES_PORT + ":5432");
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(k.toString(), v == null ? null : v.toString()));
        } else if (env instanceof List<?> l) {
            for (Object entry : l) {
                String s = entry.toString();
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return result;
    }

    private static Set<String> dependsOnHealthy(String service) {
        Object dependsOn = service(service).get("depends_on");
        Set<String> healthy = new TreeSet<>();
        if (dependsOn != null) {
            map(dependsOn).forEach((dependency, condition) -> {
                if ("service_healthy".equals(map(condition).get("condition"))) {
                    healthy.add(dependency);
                }
            });
        }
        return healthy;
    }

    /** The default document of a module's application.yml as dotted property names (list items left out). */
    private static Map<String, Object> flatApplicationYml(String module) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", map(yaml(root.resolve(module).resolve("src/main/resources/application.yml")).get(0)), flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> into) {
        node.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(name, map(value), into);
            } else if (!(value instanceof List<?>)) {
                into.put(name, value);
            }
        });
    }

    private static List<Object> yaml(Path file) {
        try {
            List<Object> documents = new ArrayList<>();
            new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file)).forEach(documents::add);
            return documents;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return ((List<Object>) o).stream().map(x -> (Object) x.toString()).toList();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
