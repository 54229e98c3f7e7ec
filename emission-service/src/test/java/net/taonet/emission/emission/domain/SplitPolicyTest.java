package net.taonet.emission.emission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.taonet.emission.emission.domain.SplitPolicy.EarningSubnet;
import net.taonet.emission.emission.domain.SplitPolicy.Share;
import org.junit.jupiter.api.Test;

class SplitPolicyTest {

    final List<EarningSubnet> earning = List.of(new EarningSubnet(1, 300), new EarningSubnet(2, 100), new EarningSubnet(5, 0));

    @Test
    void stakeProportional() {
        SplitPolicy p = new SplitPolicy.StakeProportional();
        assertThat(p.shareOf(1, earning)).isEqualTo(new Share(300, 400));
        assertThat(p.shareOf(2, earning)).isEqualTo(new Share(100, 400));
        assertThat(p.shareOf(5, earning)).isEqualTo(new Share(0, 400));
        assertThat(p.shareOf(9, earning)).isEqualTo(Share.NONE); // not earning
    }

    @Test
    void stakeProportionalFallsBackToEqualWithoutAnyStake() {
        SplitPolicy p = new SplitPolicy.StakeProportional();
        List<EarningSubnet> unstaked = List.of(new EarningSubnet(1, 0), new EarningSubnet(2, 0));
        assertThat(p.shareOf(2, unstaked)).isEqualTo(new Share(1, 2));
    }

    @Test
    void equal() {
        SplitPolicy p = new SplitPolicy.Equal();
        assertThat(p.shareOf(5, earning)).isEqualTo(new Share(1, 3));
        assertThat(p.shareOf(9, earning)).isEqualTo(Share.NONE);
    }
}
