package net.taonet.emission.emission.domain;

import java.util.List;

/** How block emission is split between the earning subnets (spec §2: a pluggable policy). */
public interface SplitPolicy {

    /** An earning subnet and the TAO staked on it now. */
    record EarningSubnet(int netuid, long stakeRao) {
    }

    /** A fraction {@code num/den}; {@code num = 0} means no share. */
    record Share(long num, long den) {
        public static final Share NONE = new Share(0, 1);

        public Share {
            if (num < 0 || den <= 0 || num > den) {
                throw new IllegalArgumentException("a share is a fraction within 0..1");
            }
        }
    }

    String name();

    /** The share of {@code netuid} among {@code earning} (which includes it when it earns). */
    Share shareOf(int netuid, List<EarningSubnet> earning);

    /** Proportional to the TAO staked on each subnet; equal while nothing is staked on any. */
    final class StakeProportional implements SplitPolicy {
        @Override
        public String name() {
            return "stake";
        }

        @Override
        public Share shareOf(int netuid, List<EarningSubnet> earning) {
            long total = 0;
            EarningSubnet self = null;
            for (EarningSubnet s : earning) {
                total = Math.addExact(total, s.stakeRao());
                if (s.netuid() == netuid) {
                    self = s;
                }
            }
            if (self == null) {
                return Share.NONE;
            }
            if (total == 0) {
                return new Share(1, earning.size());
            }
            return new Share(self.stakeRao(), total);
        }
    }

    /** The same share for every earning subnet. */
    final class Equal implements SplitPolicy {
        @Override
        public String name() {
            return "equal";
        }

        @Override
        public Share shareOf(int netuid, List<EarningSubnet> earning) {
            return earning.stream().anyMatch(s -> s.netuid() == netuid) ? new Share(1, earning.size()) : Share.NONE;
        }
    }
}
