package net.taonet.emission.emission.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.emission.network.domain.SubnetInfo;
import net.taonet.platform.chain.BlockClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What emission looks like now: issuance, the halving, the split, each subnet's pending accrual. */
@Component
public class EmissionOverview {

    private final Books books;
    private final NetworkDirectory network;
    private final SplitPolicy policy;
    private final BlockClock clock;
    private final JdbcTemplate jdbc;

    public EmissionOverview(Books books, NetworkDirectory network, SplitPolicy policy, BlockClock clock, JdbcTemplate jdbc) {
        this.books = books;
        this.network = network;
        this.policy = policy;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A subnet's standing; {@code pendingRao} is what it would get if it settled now (estimate). */
    public record SubnetEmission(int netuid, boolean earning, long stakeRao, String share, Long accrualFromBlock,
            Long lastSettledEpoch, long pendingBlocks, long pendingRao) {
    }

    /** The whole picture. */
    public record Overview(long block, long issuanceRao, long mintedRao, long recycledRao, long maxSupplyRao,
            int halvings, long blockEmissionRao, String splitPolicy, List<SubnetEmission> subnets) {
    }

    public Overview overview() {
        Map<AccountKey, Long> b = books.peek(List.of(AccountKey.ISSUANCE, AccountKey.RECYCLED));
        long minted = -b.get(AccountKey.ISSUANCE);
        long recycled = b.get(AccountKey.RECYCLED);
        long issuance = minted - recycled;
        long block = clock.currentBlock();
        long emission = Halving.blockEmission(issuance);
        Map<Integer, Long> stakes = new java.util.HashMap<>();
        jdbc.query("SELECT netuid, total FROM subnet_stake", rs -> {
            stakes.put(rs.getInt(1), rs.getLong(2));
        });
        List<SubnetInfo> subnets = network.subnets();
        List<SplitPolicy.EarningSubnet> earning = subnets.stream()
                .filter(s -> !s.dissolved() && s.registrationAllowed() && s.accrualFromBlock() != null)
                .map(s -> new SplitPolicy.EarningSubnet(s.netuid(), stakes.getOrDefault(s.netuid(), 0L))).toList();
        List<SubnetEmission> out = new ArrayList<>();
        for (SubnetInfo s : subnets) {
            boolean earns = earning.stream().anyMatch(e -> e.netuid() == s.netuid());
            SplitPolicy.Share share = earns ? policy.shareOf(s.netuid(), earning) : SplitPolicy.Share.NONE;
            long blocks = s.accrualFromBlock() == null ? 0 : Math.max(0, block - s.accrualFromBlock());
            long pending = PayoutMath.accrued(blocks, emission, share, Math.max(0, Rao.MAX_SUPPLY - issuance));
            out.add(new SubnetEmission(s.netuid(), earns, stakes.getOrDefault(s.netuid(), 0L),
                    share.num() + "/" + share.den(), s.accrualFromBlock(), s.lastSettledEpoch(), blocks, pending));
        }
        return new Overview(block, issuance, minted, recycled, Rao.MAX_SUPPLY, Halving.halvings(issuance), emission,
                policy.name(), out);
    }
}
