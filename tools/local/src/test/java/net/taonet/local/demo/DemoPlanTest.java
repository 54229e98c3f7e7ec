package net.taonet.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.taonet.identity.KeyPair;
import net.taonet.local.ServiceSpec;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private static final Path ROOT = Path.of(System.getProperty("taonet.root", "../..")).toAbsolutePath().normalize();
    private static final List<ServiceSpec> SERVICES = ServiceSpec.load(ROOT.resolve("tools/local/services.conf"));

    private final DemoPlan plan = DemoPlan.of(SERVICES, Map.of());

    @Test
    void theDevelopmentWalletsAreTheOnesTheLedgerFundsInItsLocalProfile() throws IOException {
        String yml = Files.readString(ROOT.resolve("emission-service/src/main/resources/application.yml"));
        Matcher m = Pattern.compile("address: (\\w+)\\s+# (\\w+)").matcher(yml);
        Map<String, String> funded = new HashMap<>();
        while (m.find()) {
            funded.put(m.group(2), m.group(1));
        }
        assertThat(funded).containsKeys("alice", "bob", "charlie", "dave", "eve");
        funded.forEach((name, address) -> assertThat(DemoPlan.devWallet(name).address()).as(name).isEqualTo(address));
        assertThat(plan.owner().address()).isEqualTo(funded.get("alice"));
    }

    @Test
    void servicesConfRunsEightWorkersOfWhichOneCheatsAndOneIsLateAndAllCanPayTheirRegistration() {
        List<ServiceSpec> workers = SERVICES.stream().filter(s -> s.module().equals("subnet-workers")).toList();
        assertThat(workers).hasSize(8);
        Set<String> hotkeys = new HashSet<>();
        long price = DemoPlan.RAO;
        long eleventhPrice = price;
        for (int i = 0; i < 10; i++) {
            eleventhPrice = eleventhPrice * 1260 / 1000;
        }
        for (ServiceSpec worker : workers) {
            assertThat(hotkeys.add(DemoPlan.argument(worker, "--taonet.worker.hotkey-seed").orElseThrow()))
                    .as("%s has its own hotkey", worker.name()).isTrue();
            assertThat(DemoPlan.argument(worker, "--taonet.worker.coldkey-seed")).as(worker.name()).isPresent();
            long limit = Long.parseLong(DemoPlan.argument(worker, "--taonet.worker.registry.max-price-rao").orElseThrow());
            // eight workers and two validators register one after the other: the last pays about 1.26^10 TAO
            assertThat(limit).as("%s's price limit", worker.name()).isGreaterThan(eleventhPrice);
        }
        assertThat(workers.stream().map(w -> DemoPlan.argument(w, "--taonet.worker.behaviour").orElse("honest")).toList())
                .containsOnlyOnce("wrong-results", "late")
                .filteredOn("honest"::equals).hasSize(6);
    }

    @Test
    void theWorkersDevelopmentSeedsFollowTheDocumentedDerivation() {
        for (int i = 1; i <= 8; i++) {
            String name = i == 1 ? "subnet-workers" : "subnet-workers-" + i;
            ServiceSpec worker = SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            assertThat(DemoPlan.argument(worker, "--taonet.worker.hotkey-seed"))
                    .contains(DemoPlan.localKey("worker-" + i + "/hotkey").seedHex());
            assertThat(DemoPlan.argument(worker, "--taonet.worker.coldkey-seed"))
                    .contains(DemoPlan.localKey("worker-1/coldkey").seedHex());
        }
    }

    @Test
    void thePlanFundsTheWorkersColdkeySeatsAndStakesBothManagedValidators() {
        assertThat(plan.subnets()).extracting(DemoPlan.SubnetTarget::taskType).containsExactly("gemm");
        assertThat(plan.subnets().get(0).hyperparameters()).containsEntry("tempo", 30)
                .containsEntry("commitRevealEnabled", false).containsEntry("maxAllowedValidators", 2);
        assertThat(plan.fundings()).singleElement().satisfies(f ->
                assertThat(f.address()).isEqualTo(DemoPlan.localKey("worker-1/coldkey").address()));
        KeyPair v1 = DemoPlan.localKey("validator-1/hotkey");
        KeyPair v2 = DemoPlan.localKey("validator-2/hotkey");
        assertThat(plan.seats()).extracting(s -> s.hotkey().address(), s -> s.coldkey().address()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(v1.address(), DemoPlan.devWallet("bob").address()),
                org.assertj.core.groups.Tuple.tuple(v2.address(), DemoPlan.devWallet("charlie").address()));
        assertThat(plan.stakes()).extracting(DemoPlan.StakeTarget::label).containsExactly(
                "bob on validator-1", "charlie on validator-2", "dave on validator-1", "eve on validator-1");
        long onV1 = plan.stakes().stream().filter(s -> s.hotkey().equals(v1.address()))
                .mapToLong(DemoPlan.StakeTarget::amountRao).sum();
        long onV2 = plan.stakes().stream().filter(s -> s.hotkey().equals(v2.address()))
                .mapToLong(DemoPlan.StakeTarget::amountRao).sum();
        assertThat(onV1).isEqualTo(3_000 * DemoPlan.RAO);
        assertThat(onV2).isEqualTo(1_000 * DemoPlan.RAO);
    }

    @Test
    void aFreshNetworkFirstGetsTheSubnetAndTheFundingThenEverythingElse() {
        List<DemoPlan.Step> first = plan.next(DemoState.empty());
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isInstanceOf(DemoPlan.CreateSubnet.class);
        assertThat(first.get(1)).isInstanceOf(DemoPlan.Fund.class);

        DemoState withSubnet = new DemoState(Map.of("gemm", 1), Map.of(1, Map.of("tempo", "360")), Map.of(),
                Set.of(), Map.of());
        List<DemoPlan.Step> second = plan.next(withSubnet);
        assertThat(second).filteredOn(DemoPlan.SetHyperparameter.class::isInstance).hasSize(4);
        assertThat(second).filteredOn(DemoPlan.Register.class::isInstance).hasSize(2);
        assertThat(second).filteredOn(DemoPlan.AddStake.class::isInstance).as("no stake before the seat").isEmpty();
    }

    @Test
    void aCompleteNetworkNeedsNothingMore() {
        assertThat(plan.next(complete(plan, Map.of()))).isEmpty();
    }

    @Test
    void aHalfSeededNetworkGetsOnlyWhatIsMissing() {
        KeyPair v1 = DemoPlan.localKey("validator-1/hotkey");
        String dave = DemoPlan.devWallet("dave").address();
        DemoState partial = complete(plan, Map.of(new DemoState.Position(dave, v1.address(), 1), 200 * DemoPlan.RAO));
        List<DemoPlan.Step> steps = plan.next(partial);
        assertThat(steps).singleElement().isInstanceOfSatisfying(DemoPlan.AddStake.class, s -> {
            assertThat(s.stake().label()).isEqualTo("dave on validator-1");
            assertThat(s.amountRao()).isEqualTo(300 * DemoPlan.RAO);
        });
    }

    @Test
    void aColdkeyIsFundedAgainOnlyWhenItRunsLow() {
        String workers = plan.fundings().get(0).address();
        DemoState spent = complete(plan, Map.of());
        Map<String, Long> free = new HashMap<>(spent.freeRao());
        free.put(workers, 900 * DemoPlan.RAO);
        assertThat(plan.next(withFree(spent, free))).isEmpty();
        free.put(workers, 50 * DemoPlan.RAO);
        assertThat(plan.next(withFree(spent, free))).singleElement()
                .isInstanceOfSatisfying(DemoPlan.Fund.class, f -> assertThat(f.observedRao()).isEqualTo(50 * DemoPlan.RAO));
    }

    @Test
    void aModelServerAddsAChatSubnetCreatedAfterTheGemmOneAndAQuorumOfChatWorkers() {
        Map<String, String> env = Map.of(DemoPlan.MODEL_URL_ENV, "http://localhost:11434/v1", DemoPlan.MODEL_ENV, "qwen");
        DemoPlan withChat = DemoPlan.of(SERVICES, env);
        assertThat(withChat.subnets()).extracting(DemoPlan.SubnetTarget::taskType).containsExactly("gemm", "chat");
        assertThat(withChat.seats()).hasSize(4);
        List<DemoPlan.Step> first = withChat.next(DemoState.empty());
        assertThat(first).filteredOn(DemoPlan.CreateSubnet.class::isInstance).singleElement()
                .isInstanceOfSatisfying(DemoPlan.CreateSubnet.class, c -> assertThat(c.subnet().taskType()).isEqualTo("gemm"));

        List<ServiceSpec> extra = DemoPlan.extraServices(SERVICES, env);
        assertThat(extra).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("chat-worker-1", 8098),
                org.assertj.core.groups.Tuple.tuple("chat-worker-2", 8099),
                org.assertj.core.groups.Tuple.tuple("chat-worker-3", 8100));
        assertThat(extra).hasSize(net.taonet.sdk.builtin.chat.ChatTaskType.QUORUM);
        assertThat(extra.get(0).arguments()).contains("--taonet.worker.netuid=2", "--taonet.worker.task-types=chat",
                "--taonet.worker.tasks.chat.base-url=http://localhost:11434/v1", "--taonet.worker.tasks.chat.model=qwen");
        assertThat(SERVICES).noneMatch(s -> s.port() >= 8098 && s.port() <= 8100);

        assertThat(DemoPlan.extraServices(SERVICES, Map.of(DemoPlan.MODEL_URL_ENV, "  "))).isEmpty();
        assertThat(DemoPlan.of(SERVICES, Map.of(DemoPlan.MODEL_URL_ENV, "")).subnets()).hasSize(1);
    }

    @Test
    void moreManagedValidatorsThanFundedWalletsIsRefused() {
        List<String> args = List.of(
                "--taonet.scoring.validators[0].hotkey-seed=" + DemoPlan.localKey("a").seedHex(),
                "--taonet.scoring.validators[1].hotkey-seed=" + DemoPlan.localKey("b").seedHex(),
                "--taonet.scoring.validators[2].hotkey-seed=" + DemoPlan.localKey("c").seedHex());
        List<ServiceSpec> services = List.of(new ServiceSpec("scoring-service", "scoring-service", 8084, args));
        assertThatThrownBy(() -> DemoPlan.of(services, Map.of())).hasMessageContaining("configures 3");
    }

    @Test
    void idempotencyKeysAreStableShortAndDistinct() {
        assertThat(DemoSeed.key("stake", "a", "b")).isEqualTo(DemoSeed.key("stake", "a", "b")).hasSizeLessThan(64);
        assertThat(DemoSeed.key("stake", "a", "b")).isNotEqualTo(DemoSeed.key("stake", "ab", ""));
        assertThat(DemoSeed.key("fund", "x", "1")).isNotEqualTo(DemoSeed.key("fund", "x", "2"));
    }

    /** The state a completely seeded network shows, with some positions overridden. */
    private static DemoState complete(DemoPlan plan, Map<DemoState.Position, Long> overrides) {
        Map<String, String> h = new HashMap<>();
        plan.subnets().get(0).hyperparameters().forEach((k, v) -> h.put(k, String.valueOf(v)));
        h.put("immunityPeriod", "5000");
        Map<String, Long> free = new HashMap<>();
        plan.fundings().forEach(f -> free.put(f.address(), f.amountRao()));
        Set<DemoState.Registration> registered = new HashSet<>();
        plan.seats().forEach(s -> registered.add(new DemoState.Registration(s.hotkey().address(), 1)));
        Map<DemoState.Position, Long> stakes = new HashMap<>();
        plan.stakes().forEach(s -> stakes.put(new DemoState.Position(s.coldkey().address(), s.hotkey(), 1),
                s.amountRao() + 7));
        stakes.putAll(overrides);
        return new DemoState(Map.of("gemm", 1), Map.of(1, h), free, registered, stakes);
    }

    private static DemoState withFree(DemoState s, Map<String, Long> free) {
        return new DemoState(s.subnets(), s.hyperparameters(), free, s.registered(), s.stakeRao());
    }
}
