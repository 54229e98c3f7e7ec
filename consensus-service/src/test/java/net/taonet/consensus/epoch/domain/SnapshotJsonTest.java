package net.taonet.consensus.epoch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.taonet.events.registry.Hyperparameters;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    private static EpochSnapshot twoUids() {
        return new EpochSnapshot(EpochSnapshot.SCHEMA, 7, 12, 100, 1_000_000_000L, Hyperparameters.defaults(), 0, 64, 12,
                2, new String[] {"5Owner", null}, new long[] {5, 0}, new int[][][] {{{0, 65535}}, {}},
                new int[][][] {{}, {}}, new long[] {90, 0}, new long[] {1, 0}, new boolean[] {true, false},
                new Long[] {null, 95L});
    }

    @Test
    void storedJsonReadsBackToTheSameEngineOutcome() {
        EpochSnapshot s = twoUids();
        String json = SnapshotJson.write(s);
        EpochSnapshot back = SnapshotJson.read(json);
        assertThat(SnapshotJson.write(back)).isEqualTo(json);
        List<UidOutcome> a = EpochEngine.run(s);
        List<UidOutcome> b = EpochEngine.run(back);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).sameAs(b.get(i))).isTrue();
        }
        assertThat(back.commitBlocks()).containsExactly(null, 95L);
        assertThat(back.hotkeys()).containsExactly("5Owner", null);
    }

    @Test
    void hashIsTheSha256OfTheTextAndGzipRoundTrips() {
        assertThat(SnapshotJson.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String json = SnapshotJson.write(twoUids());
        assertThat(SnapshotJson.gunzip(SnapshotJson.gzip(json))).isEqualTo(json);
    }

    @Test
    void theOwnerKeepsItsSelfWeightSoItTakesBothHalvesOfTheEmission() {
        // spec §6.2: the owner's self-weight survives and its permit is forced, so its self-weight makes it
        // the only miner (incentive 1) and, with the only active stake, the only validator (dividends 1)
        List<UidOutcome> out = EpochEngine.run(twoUids());
        assertThat(out.get(0).serverEmission()).isEqualTo(500_000_000L);
        assertThat(out.get(0).validatorEmission()).isEqualTo(500_000_000L);
        assertThat(out.get(0).serverEmissionBits()).isEqualTo(1L << 31);
        assertThat(out.get(1).emission()).isZero();
    }
}
