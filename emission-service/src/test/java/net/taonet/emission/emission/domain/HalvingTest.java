package net.taonet.emission.emission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.emission.ledger.domain.Rao;
import org.junit.jupiter.api.Test;

/** Block emission halves as issuance crosses 10.5M, 15.75M, 18.375M … TAO (spec §2). */
class HalvingTest {

    static final long TAO = Rao.PER_TAO;

    @Test
    void fullEmissionUntilHalfTheSupply() {
        assertThat(Halving.halvings(0)).isZero();
        assertThat(Halving.blockEmission(0)).isEqualTo(1_000_000_000L);
        assertThat(Halving.blockEmission(10_500_000L * TAO - 1)).isEqualTo(1_000_000_000L);
    }

    @Test
    void halvesAtEachThreshold() {
        assertThat(Halving.halvings(10_500_000L * TAO)).isEqualTo(1);
        assertThat(Halving.blockEmission(10_500_000L * TAO)).isEqualTo(500_000_000L);
        assertThat(Halving.blockEmission(15_750_000L * TAO - 1)).isEqualTo(500_000_000L);
        assertThat(Halving.blockEmission(15_750_000L * TAO)).isEqualTo(250_000_000L);
        assertThat(Halving.blockEmission(18_375_000L * TAO)).isEqualTo(125_000_000L);
        assertThat(Halving.blockEmission(19_687_500L * TAO)).isEqualTo(62_500_000L);
    }

    @Test
    void nothingAtTheCapAndNothingJustBelowIt() {
        assertThat(Halving.halvings(Rao.MAX_SUPPLY)).isEqualTo(-1);
        assertThat(Halving.blockEmission(Rao.MAX_SUPPLY)).isZero();
        // 1 rao left: 2^54 ≤ 2.1e16 < 2^55, so k = 54 and 10^9 >> 54 = 0.
        assertThat(Halving.halvings(Rao.MAX_SUPPLY - 1)).isEqualTo(54);
        assertThat(Halving.blockEmission(Rao.MAX_SUPPLY - 1)).isZero();
    }
}
