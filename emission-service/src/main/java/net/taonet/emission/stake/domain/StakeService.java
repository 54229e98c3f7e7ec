package net.taonet.emission.stake.domain;

import java.util.List;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Movement;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.emission.network.domain.SubnetInfo;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** add_stake and remove_stake (spec §5). Callers validate addresses and ownership first. */
@Service
public class StakeService {

    private final Books books;
    private final NetworkDirectory network;
    private final StakeEvents events;

    public StakeService(Books books, NetworkDirectory network, StakeEvents events) {
        this.books = books;
        this.network = network;
        this.events = events;
    }

    /** The answer to a stake move. */
    public record StakeMove(long journalTx, long block, String coldkey, String hotkey, int netuid, long amountRao,
            long freeBalanceRao, long positionRao, long hotkeyTotalRao) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StakeMove add(String coldkey, String hotkey, int netuid, long amount, String reference) {
        if (amount <= 0) {
            throw ApiProblem.badRequest("invalid-amount", "amountRao must be positive");
        }
        if (amount < Rao.MIN_STAKE) {
            throw ApiProblem.unprocessable("below-minimum-stake", "add_stake moves at least " + Rao.MIN_STAKE
                    + " rao (0.002 TAO); got " + amount).with("minimumRao", Rao.MIN_STAKE);
        }
        SubnetInfo subnet = network.subnet(netuid).filter(s -> !s.dissolved()).orElseThrow(() ->
                ApiProblem.notFound("unknown-subnet", "subnet " + netuid + " is not registered").with("netuid", netuid));
        if (!network.holdsUid(hotkey, subnet.netuid())) {
            throw ApiProblem.unprocessable("hotkey-not-registered", "hotkey " + hotkey
                    + " holds no UID on subnet " + netuid).with("hotkey", hotkey).with("netuid", netuid);
        }
        AccountKey free = AccountKey.free(coldkey);
        AccountKey position = AccountKey.stake(coldkey, hotkey, netuid);
        Posting p = books.post("STAKE_ADD", reference, List.of(free, position), balances -> {
            long balance = balances.of(free);
            if (balance < amount) {
                throw insufficient(coldkey, balance, amount);
            }
            long rest = balance - amount;
            if (rest > 0 && rest < Rao.EXISTENTIAL_DEPOSIT) {
                throw ApiProblem.unprocessable("existential-deposit", "staking " + amount + " rao would leave "
                        + rest + " rao free; a free balance is 0 or at least " + Rao.EXISTENTIAL_DEPOSIT + " rao")
                        .with("existentialDepositRao", Rao.EXISTENTIAL_DEPOSIT);
            }
            return new Movement().move(free, position, amount);
        });
        return publish(p, coldkey, hotkey, netuid, amount, "add_stake");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StakeMove remove(String coldkey, String hotkey, int netuid, long amount, String reference) {
        if (amount <= 0) {
            throw ApiProblem.badRequest("invalid-amount", "amountRao must be positive");
        }
        AccountKey free = AccountKey.free(coldkey);
        AccountKey position = AccountKey.stake(coldkey, hotkey, netuid);
        Posting p = books.post("STAKE_REMOVE", reference, List.of(free, position), balances -> {
            long staked = balances.of(position);
            if (staked < amount) {
                throw ApiProblem.unprocessable("insufficient-stake", coldkey + " has " + staked + " rao staked on "
                        + hotkey + " in subnet " + netuid + "; cannot remove " + amount)
                        .with("stakeRao", staked).with("neededRao", amount);
            }
            long rest = staked - amount;
            if (rest > 0 && rest < Rao.MIN_STAKE) {
                throw ApiProblem.unprocessable("below-minimum-stake", "removing " + amount + " rao would leave "
                        + rest + " rao staked; a position keeps 0 or at least " + Rao.MIN_STAKE + " rao")
                        .with("minimumRao", Rao.MIN_STAKE);
            }
            long freeAfter = balances.of(free) + amount;
            if (freeAfter < Rao.EXISTENTIAL_DEPOSIT) {
                throw ApiProblem.unprocessable("existential-deposit", "the free balance would become " + freeAfter
                        + " rao; a free balance is 0 or at least " + Rao.EXISTENTIAL_DEPOSIT + " rao")
                        .with("existentialDepositRao", Rao.EXISTENTIAL_DEPOSIT);
            }
            return new Movement().move(position, free, amount);
        });
        return publish(p, coldkey, hotkey, netuid, -amount, "remove_stake");
    }

    private StakeMove publish(Posting p, String coldkey, String hotkey, int netuid, long delta, String reason) {
        long total = p.hotkeyTotals().get(new Posting.HotkeyStake(netuid, hotkey));
        events.stakeChanged(netuid, hotkey, coldkey, delta, total, reason, p.block());
        AccountKey position = AccountKey.stake(coldkey, hotkey, netuid);
        return new StakeMove(p.journalTx(), p.block(), coldkey, hotkey, netuid, Math.abs(delta),
                p.balanceAfter(AccountKey.free(coldkey)), p.balanceAfter(position), total);
    }

    static ApiProblem insufficient(String coldkey, long balance, long needed) {
        return ApiProblem.unprocessable("insufficient-balance", "the free balance of " + coldkey + " is " + balance
                + " rao; " + needed + " rao needed").with("balanceRao", balance).with("neededRao", needed);
    }
}
