package net.taonet.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.taonet.identity.KeyPair;
import org.junit.jupiter.api.Test;

/**
 * The short drill of every build: the ledger (emission-service) is killed with SIGKILL the moment consensus
 * commits an epoch, i.e. while that epoch's settlement is on its way or under way, and started again. No
 * epoch may be lost or settled twice, and the books must balance.
 *
 * <p>Only the services an epoch needs run (registry, ledger, consensus), as processes from their jars, on
 * PostgreSQL and a Kafka broker of their own; the long drills ({@code -Pdrills}) run the whole network.
 */
class LedgerKilledDuringSettlementIT {

    private static final String LEDGER = "emission-service";
    private static final String REGISTRY = "registry-service";
    private static final String CONSENSUS = "consensus-service";

    @Test
    void anEpochWhoseSettlementWasCutOffIsSettledOnceAfterTheRestart() {
        long t0 = System.nanoTime();
        try (ProcessNetwork network = ProcessNetwork.startInfrastructure()) {
            boolean passed = false;
            try {
                network.define(LEDGER, LEDGER, List.of());
                network.define(REGISTRY, REGISTRY, List.of("--taonet.registry.ledger-url=" + network.url(LEDGER)));
                network.define(CONSENSUS, CONSENSUS, List.of());
                Duration startup = network.start(LEDGER, REGISTRY, CONSENSUS);
                DrillReport.line("short drill: registry, ledger and consensus UP %s after their launch",
                        DrillReport.seconds(startup));

                KeyPair ownerHotkey = Seed.hotkey("short-drill-owner");
                int netuid = Seed.subnet(network.url(REGISTRY), ownerHotkey, "echo");
                Drills drills = new Drills(network, netuid);
                drills.awaitSettledThrough(1, Duration.ofSeconds(90));

                Drills.Kill kill = drills.killLedgerAsEpochCommits(LEDGER, Duration.ofSeconds(30));
                DrillReport.line("short drill: killed the ledger (SIGKILL) %d ms after consensus committed epoch %d;"
                        + " its settlement was %s at the kill", kill.millisAfterCommit(), kill.epoch(),
                        kill.settledBeforeKill() ? "already committed" : "not committed (in flight)");
                Duration back = network.restart(LEDGER);
                drills.awaitSettledThrough(kill.epoch() + 1, Duration.ofSeconds(90));
                Drills.Verdict verdict = drills.verifyBooks();
                DrillReport.line("short drill: ledger UP %s after the restart; %s",
                        DrillReport.seconds(back), verdict.describe());
                assertThat(verdict.auditOk()).as(verdict.auditSummary()).isTrue();
                passed = true;
            } finally {
                if (!passed) {
                    network.keepStateForInspection();
                }
            }
        }
        DrillReport.line("short drill: %s in all", DrillReport.since(t0));
    }
}
