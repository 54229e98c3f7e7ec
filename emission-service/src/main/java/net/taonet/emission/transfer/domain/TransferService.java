package net.taonet.emission.transfer.domain;

import java.util.List;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Movement;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Moves free balance from one coldkey to another address. Callers validate addresses and the signer. */
@Service
public class TransferService {

    private final Books books;

    public TransferService(Books books) {
        this.books = books;
    }

    /** The answer to a transfer. */
    public record Transfer(long journalTx, long block, String from, String to, long amountRao, long fromBalanceRao) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Transfer transfer(String from, String to, long amount, String reference) {
        if (amount <= 0) {
            throw ApiProblem.badRequest("invalid-amount", "amountRao must be positive");
        }
        if (from.equals(to)) {
            throw ApiProblem.badRequest("self-transfer", "a transfer needs a recipient other than the sender");
        }
        AccountKey source = AccountKey.free(from);
        AccountKey target = AccountKey.free(to);
        Posting p = books.post("TRANSFER", reference, List.of(source, target), balances -> {
            long balance = balances.of(source);
            if (balance < amount) {
                throw ApiProblem.unprocessable("insufficient-balance", "the free balance of " + from + " is " + balance
                        + " rao; " + amount + " rao needed").with("balanceRao", balance).with("neededRao", amount);
            }
            long rest = balance - amount;
            if (rest > 0 && rest < Rao.EXISTENTIAL_DEPOSIT) {
                throw ApiProblem.unprocessable("existential-deposit", "the transfer would leave " + rest
                        + " rao; a free balance is 0 or at least " + Rao.EXISTENTIAL_DEPOSIT + " rao (send all, or keep more)")
                        .with("existentialDepositRao", Rao.EXISTENTIAL_DEPOSIT);
            }
            long received = balances.of(target) + amount;
            if (received < Rao.EXISTENTIAL_DEPOSIT) {
                throw ApiProblem.unprocessable("existential-deposit", "the recipient would hold " + received
                        + " rao; a free balance is 0 or at least " + Rao.EXISTENTIAL_DEPOSIT + " rao")
                        .with("existentialDepositRao", Rao.EXISTENTIAL_DEPOSIT);
            }
            return new Movement().move(source, target, amount);
        });
        return new Transfer(p.journalTx(), p.block(), from, to, amount, p.balanceAfter(source));
    }
}
