package net.taonet.consensus.epoch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.taonet.consensusit.TestBondsVector;
import net.taonet.consensusit.TestBondsVector.Expected;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The engine alone, on snapshots built the way the service builds them from the mapped {@code test_bonds}
 * scenario (see {@link TestBondsVector}), chaining its own bonds and permits: every epoch's outputs are
 * the vector's. This is what makes the mapping used by the ITs faithful.
 */
class VectorMappingTest {

    private final TestBondsVector vector = TestBondsVector.load();

    @Test
    void mappedScenarioReproducesEveryEpochOfTheVector() {
        int n = vector.n() + 1;
        int[][][] bonds = new int[n][0][];
        boolean[] permits = new boolean[n];
        long lastEpochBlock = 0;
        for (int e = 0; e < vector.epochs(); e++) {
            JsonNode in = vector.inputs(e);
            String[] hotkeys = new String[n];
            long[] stake = new long[n];
            int[][][] weights = new int[n][0][];
            long[] lastUpdate = new long[n];
            long[] registered = new long[n];
            hotkeys[0] = TestBondsVector.OWNER_HOTKEY;
            registered[0] = TestBondsVector.factBlock(1);
            lastUpdate[0] = registered[0];
            for (int u = 0; u < vector.n(); u++) {
                hotkeys[u + 1] = TestBondsVector.hotkey(u);
                stake[u + 1] = in.get("stake").get(u).asLong();
                weights[u + 1] = TestBondsVector.shiftedRow(in.get("weights").get(u));
                lastUpdate[u + 1] = TestBondsVector.factBlock(in.get("last_update").get(u).asLong());
                registered[u + 1] = TestBondsVector.factBlock(in.get("block_at_registration").get(u).asLong());
            }
            long block = TestBondsVector.epochBlock(vector.vectorBlock(e));
            EpochSnapshot snapshot = new EpochSnapshot(EpochSnapshot.SCHEMA, TestBondsVector.NETUID, e + 2, block,
                    1_000_000_000L, vector.hyperparameters(), 0, lastEpochBlock, e + 2, n, hotkeys, stake, weights,
                    bonds, lastUpdate, registered, permits.clone(), null);
            List<UidOutcome> out = EpochEngine.run(snapshot);

            for (int u = 0; u < vector.n(); u++) {
                UidOutcome o = out.get(u + 1);
                Expected x = vector.expected(e, u);
                assertThat(new Expected(o.active(), o.stakeWeight(), o.consensus(), o.incentive(), o.dividends(),
                        o.validatorTrust(), o.validatorPermit(), o.serverEmission(), o.validatorEmission(), o.emission(),
                        o.bonds()))
                        .as("epoch %d, vector uid %d", e, u)
                        .usingRecursiveComparison().isEqualTo(x);
            }
            UidOutcome owner = out.get(0);
            assertThat(owner.emission()).isZero();
            assertThat(owner.bonds()).isEmpty();
            for (int i = 0; i < n; i++) {
                bonds[i] = out.get(i).bonds();
                permits[i] = out.get(i).validatorPermit();
            }
            lastEpochBlock = block;
        }
    }
}
