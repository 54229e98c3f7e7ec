package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.taonet.local.demo.DemoPlan;
import net.taonet.local.demo.DemoSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeedingTest {

    @TempDir
    Path root;

    private Layout layout() {
        return new Layout(root, root.resolve(".taonet"), 1, 2, 3, root.resolve("services.conf"), Duration.ofSeconds(1));
    }

    @Test
    void theDemoIsSeededUnlessSwitchedOff() {
        assertThat(DemoSeeding.enabled(Map.of())).isTrue();
        assertThat(DemoSeeding.enabled(Map.of("TAONET_DEMO", "on"))).isTrue();
        for (String off : List.of("off", "0", "false", "NO", " Off ")) {
            assertThat(DemoSeeding.enabled(Map.of("TAONET_DEMO", off))).as(off).isFalse();
        }
    }

    @Test
    void aResetDeletesTheNetworksDataAndTheMarkerButKeepsWhatOnlyMakesStartingFaster() throws IOException {
        Layout layout = layout();
        for (Path dir : List.of(layout.postgresData(), layout.kafkaHome().resolve("data"), layout.logs(), layout.pids(),
                layout.postgresBinaries().resolve("bin"), layout.state().resolve("app/registry-service"),
                layout.state().resolve("build"))) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("file"), "x");
        }
        Files.writeString(layout.genesisFile(), "2026-12-07T21:00:00Z\n");
        Files.writeString(layout.demoMarker(), "seeded\n");
        assertThat(DemoSeed.seeded(layout.demoMarker())).isTrue();

        DemoSeeding.wipe(layout);

        assertThat(DemoSeed.seeded(layout.demoMarker())).isFalse();
        assertThat(layout.postgresData()).doesNotExist();
        assertThat(layout.kafkaHome()).doesNotExist();
        assertThat(layout.genesisFile()).doesNotExist();
        assertThat(layout.logs()).doesNotExist();
        assertThat(layout.postgresBinaries().resolve("bin/file")).exists();
        assertThat(layout.state().resolve("app/registry-service/file")).exists();
        assertThat(layout.state().resolve("build/file")).exists();
        DemoSeeding.wipe(layout); // nothing left to delete: no error
    }

    @Test
    void everyPathAResetDeletesLiesInsideTheStateFolder() {
        Layout layout = layout();
        assertThat(DemoSeeding.resetPaths(layout)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.startsWith(layout.state()) && !p.equals(layout.state())).as(p.toString()).isTrue())
                .doesNotContain(layout.postgresBinaries());
    }

    @Test
    void aModelServerAddsTheChatWorkersUnlessTheDemoIsOffOrTheyClash() {
        List<ServiceSpec> configured = List.of(new ServiceSpec("subnet-workers", "subnet-workers", 8090, List.of()));
        Map<String, String> model = Map.of(DemoPlan.MODEL_URL_ENV, "http://localhost:8000/v1");
        assertThat(DemoSeeding.withDemoServices(configured, Map.of())).isEqualTo(configured);
        assertThat(DemoSeeding.withDemoServices(configured, model)).extracting(ServiceSpec::name)
                .containsExactly("subnet-workers", "chat-worker-1", "chat-worker-2", "chat-worker-3");
        assertThat(DemoSeeding.withDemoServices(configured, Map.of(DemoPlan.MODEL_URL_ENV, "http://x/v1",
                "TAONET_DEMO", "off"))).isEqualTo(configured);
        List<ServiceSpec> clashing = List.of(new ServiceSpec("other", "gateway-service", 8098, List.of()));
        assertThat(DemoSeeding.withDemoServices(clashing, model)).extracting(ServiceSpec::name)
                .containsExactly("other", "chat-worker-2", "chat-worker-3");
    }

    @Test
    void theGuideListsTheSubnetsByNetuidAndPointsAtTheGemmMetagraph() {
        List<ServiceSpec> services = List.of(new ServiceSpec("gateway-service", "gateway-service", 8080, List.of()),
                new ServiceSpec("subnet-workers", "subnet-workers", 8090, List.of()));
        DemoPlan plan = DemoPlan.of(services, Map.of(DemoPlan.MODEL_URL_ENV, "http://localhost:8000/v1"));
        net.taonet.local.demo.DemoState state = new net.taonet.local.demo.DemoState(Map.of("gemm", 3, "chat", 4),
                Map.of(), Map.of(), java.util.Set.of(), Map.of());
        String guide = DemoSeeding.guide(plan, state, services);
        assertThat(guide.indexOf("subnet 3   gemm")).isNotNegative().isLessThan(guide.indexOf("subnet 4   chat"));
        assertThat(guide).contains("./taonet metagraph --netuid 3", "http://localhost:8080/api/v1/subnets/3/metagraph");
    }
}
