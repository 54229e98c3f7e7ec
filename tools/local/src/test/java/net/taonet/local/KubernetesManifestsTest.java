package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No cluster here, so deploy/k8s is checked by reading it into the Kubernetes API model (fabric8), strictly:
 * a field the model does not know (a typo, a wrong indentation) fails. Then: every service is a Deployment
 * with probes on Boot's health groups, resources and a PodDisruptionBudget that selects it; a Service on
 * the port of DESIGN §2 and of its application.yml; every localhost setting of the application.yml
 * overridden; every referenced ConfigMap/Secret key defined; autoscaling only where it is safe.
 */
class KubernetesManifestsTest {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Namespace", Namespace.class);

    /** Scaled by an autoscaler; the others must not be (see the comments in their manifests). */
    private static final Set<String> AUTOSCALED = Set.of("gateway-service");
    private static final Set<String> NEVER_SCALED = Set.of("scoring-service", "subnet-workers");

    static Path root;
    static Path k8s;
    static final List<HasMetadata> resources = new ArrayList<>();
    static final Map<HasMetadata, Path> origin = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        root = Path.of("../..").toAbsolutePath().normalize();
        k8s = root.resolve("deploy/k8s");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String file : kustomizationResources()) {
            Path path = k8s.resolve(file);
            try (var parser = yaml.createParser(path.toFile())) {
                var docs = yaml.readValues(parser, JsonNode.class);
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc == null || doc.isNull() || doc.isEmpty()) {
                        continue;
                    }
                    String kind = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                    assertThat(KINDS).as("a kind this check knows (%s in %s)", kind, file).containsKey(kind);
                    HasMetadata resource = yaml.treeToValue(doc, KINDS.get(kind));
                    List<String> unknown = new ArrayList<>();
                    unknownFields(resource, kind + " " + resource.getMetadata().getName(), unknown);
                    assertThat(unknown).as("fields the Kubernetes API does not have, in %s", file).isEmpty();
                    resources.add(resource);
                    origin.put(resource, path);
                }
            }
        }
    }

    @Test
    void kustomizationListsEveryManifestOfTheFolder() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(k8s)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(files::add);
        }
        assertThat(new TreeSet<>(kustomizationResources())).isEqualTo(files);
    }

    @Test
    void everyServiceIsADeploymentWithProbesOnTheHealthGroupsAndResources() {
        for (Map.Entry<String, Integer> service : ComposeFileTest.DESIGN_PORTS.entrySet()) {
            String module = service.getKey();
            Deployment d = one(Deployment.class, module);
            assertThat(origin.get(d).getFileName().toString()).isEqualTo(module + ".yaml");
            Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
            assertThat(selector).as("selector of %s", module).isNotEmpty();
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).as("pod labels of %s", module)
                    .containsAllEntriesOf(selector);
            assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getImage()).startsWith("taonet/" + module + ":");
            assertThat(c.getPorts()).hasSize(1);
            int port = c.getPorts().get(0).getContainerPort();
            assertThat(port).as("container port of %s", module).isEqualTo(service.getValue())
                    .isEqualTo(flatApplicationYml(module).get("server.port"));
            assertThat(flatApplicationYml(module).get("management.endpoint.health.probes.enabled"))
                    .as("%s exposes the liveness and readiness groups", module).isEqualTo(true);

            probe(module, "liveness", c.getLivenessProbe(), "/actuator/health/liveness", c);
            probe(module, "readiness", c.getReadinessProbe(), "/actuator/health/readiness", c);
            probe(module, "startup", c.getStartupProbe(), "/actuator/health/liveness", c);

            var resources = c.getResources();
            assertThat(resources.getRequests()).as("requests of %s", module).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as("limits of %s", module).containsKey("memory");
            assertThat(resources.getLimits().get("memory")).isEqualTo(resources.getRequests().get("memory"));
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", Integer.toString(port));
        }
        assertThat(all(Deployment.class)).hasSize(ComposeFileTest.DESIGN_PORTS.size());
    }

    @Test
    void everyDeploymentHasAServiceOnItsPortAndADisruptionBudgetThatSelectsIt() {
        for (Deployment d : all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, String> pods = d.getSpec().getTemplate().getMetadata().getLabels();
            int port = d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
            String portName = d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getName();

            Service s = one(Service.class, name);
            assertThat(pods).as("pods selected by the Service %s", name).containsAllEntriesOf(s.getSpec().getSelector());
            assertThat(s.getSpec().getPorts()).hasSize(1);
            assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(port);
            assertThat(refersTo(s.getSpec().getPorts().get(0).getTargetPort(), port, portName)).isTrue();

            List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class).stream()
                    .filter(b -> pods.entrySet().containsAll(b.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(budgets).as("disruption budgets of %s", name).hasSize(1);
            PodDisruptionBudget pdb = budgets.get(0);
            int replicas = d.getSpec().getReplicas();
            if (pdb.getSpec().getMinAvailable() != null) {
                // A budget that no eviction can meet blocks every node drain.
                assertThat(pdb.getSpec().getMinAvailable().getIntVal()).as("minAvailable of %s", name)
                        .isLessThan(replicas);
            } else {
                assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isPositive();
            }
        }
    }

    @Test
    void onlyTheStatelessEdgeIsAutoscaled() {
        Set<String> scaled = new TreeSet<>();
        for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(target.getKind()).isEqualTo("Deployment");
            Deployment d = one(Deployment.class, target.getName());
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(d.getSpec().getReplicas())
                    .isLessThan(hpa.getSpec().getMaxReplicas());
            assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
            scaled.add(target.getName());
        }
        assertThat(scaled).isEqualTo(AUTOSCALED);
        for (String name : NEVER_SCALED) {
            Deployment d = one(Deployment.class, name);
            assertThat(d.getSpec().getReplicas()).as("replicas of %s", name).isEqualTo(1);
            // A rolling update would run the old and the new pod side by side.
            assertThat(d.getSpec().getStrategy().getType()).as("update strategy of %s", name).isEqualTo("Recreate");
        }
    }

    @Test
    void everyReferencedConfigurationKeyExistsAndEveryLocalhostSettingIsOverridden() {
        Map<String, Set<String>> configMaps = new HashMap<>();
        all(ConfigMap.class).forEach(m -> configMaps.put(m.getMetadata().getName(), m.getData().keySet()));
        Map<String, Set<String>> secrets = new HashMap<>();
        all(Secret.class).forEach(s -> {
            Set<String> keys = new HashSet<>();
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            secrets.put(s.getMetadata().getName(), keys);
        });
        List<String> missing = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = new LinkedHashMap<>();
            c.getEnvFrom().forEach(from -> {
                assertThat(configMaps).containsKey(from.getConfigMapRef().getName());
                configMaps.get(from.getConfigMapRef().getName()).forEach(k -> env.put(k, "(config)"));
            });
            for (EnvVar v : c.getEnv()) {
                if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                    var ref = v.getValueFrom().getSecretKeyRef();
                    if (!secrets.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey())) {
                        missing.add(name + ": secret " + ref.getName() + "/" + ref.getKey());
                    }
                } else if (v.getValueFrom() != null && v.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = v.getValueFrom().getConfigMapKeyRef();
                    if (!configMaps.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey())) {
                        missing.add(name + ": config map " + ref.getName() + "/" + ref.getKey());
                    }
                }
                env.put(v.getName(), v.getValue() == null ? "(reference)" : v.getValue());
            }
            flatApplicationYml(name).forEach((property, value) -> {
                if (value instanceof String s && s.contains("localhost")) {
                    String canonical = property.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "");
                    String legacy = property.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "_");
                    String override = env.containsKey(canonical) ? env.get(canonical) : env.get(legacy);
                    if (override == null || override.contains("localhost")) {
                        missing.add(name + ": " + property + " (" + canonical + ")");
                    }
                }
            });
            Object url = flatApplicationYml(name).get("spring.datasource.url");
            if (url != null) {
                String database = url.toString().substring(url.toString().lastIndexOf('/') + 1);
                assertThat(env.get("SPRING_DATASOURCE_URL")).as(name).endsWith("/" + database);
            }
        }
        assertThat(missing).as("settings the manifests must provide").isEmpty();
    }

    /** The strict reading itself: a misspelt or misplaced field is found, wherever it is. */
    @Test
    void aFieldTheApiDoesNotHaveIsFound() throws IOException {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: x }
                spec:
                  selector: { matchLabels: { app: x } }
                  template:
                    metadata: { labels: { app: x } }
                    spec:
                      containers:
                        - name: x
                          image: x
                          livenesProbe: { httpGet: { path: /, port: 80 } }
                          resources: { requests: { cpu: 1 }, limit: { memory: 1Gi } }
                """;
        Deployment d = new ObjectMapper(new YAMLFactory()).readValue(misspelt, Deployment.class);
        List<String> unknown = new ArrayList<>();
        unknownFields(d, "x", unknown);
        assertThat(String.join(" ", unknown)).contains("livenesProbe", "limit");
    }

    private static void probe(String module, String kind, Probe probe, String path, Container c) {
        assertThat(probe).as("%s probe of %s", kind, module).isNotNull();
        assertThat(probe.getHttpGet()).as("%s probe of %s", kind, module).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s probe of %s", kind, module).isEqualTo(path);
        assertThat(refersTo(probe.getHttpGet().getPort(), c.getPorts().get(0).getContainerPort(),
                c.getPorts().get(0).getName())).as("%s probe port of %s", kind, module).isTrue();
    }

    private static boolean refersTo(IntOrString port, int number, String name) {
        return port.getIntVal() != null ? port.getIntVal() == number : port.getStrVal().equals(name);
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertThat(found).as("%s %s", type.getSimpleName(), name).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> kustomizationResources() {
        try {
            JsonNode k = new ObjectMapper(new YAMLFactory()).readTree(k8s.resolve("kustomization.yaml").toFile());
            List<String> files = new ArrayList<>();
            k.path("resources").forEach(n -> files.add(n.asText()));
            return files;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The model keeps fields it does not know in {@code additionalProperties} instead of failing: any found
     * anywhere in the tree is a field Kubernetes would reject (or silently drop).
     */
    private static void unknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + m.getName().substring(3), unknown);
            }
        }
    }

    /** The default document of a module's application.yml as dotted property names (list items left out). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> flatApplicationYml(String module) {
        try {
            Map<String, Object> doc = (Map<String, Object>) new org.snakeyaml.engine.v2.api.Load(
                    org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadAllFromString(
                            Files.readString(Path.of("../..").toAbsolutePath().normalize()
                            .resolve(module).resolve("src/main/resources/application.yml")))
                    .iterator().next();
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", doc, flat);
            return flat;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> into) {
        node.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(name, (Map<String, Object>) value, into);
            } else if (!(value instanceof List<?>)) {
                into.put(name, value);
            }
        });
    }
}
