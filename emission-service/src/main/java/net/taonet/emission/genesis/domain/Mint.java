package net.taonet.emission.genesis.domain;

import java.util.List;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Movement;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Mints free TAO to an address (genesis and faucet), within the 21M cap. */
@Component
public class Mint {

    private final Books books;

    public Mint(Books books) {
        this.books = books;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Posting mint(String kind, String reference, String address, long amount) {
        if (amount < Rao.EXISTENTIAL_DEPOSIT) {
            throw ApiProblem.badRequest("invalid-amount", "a mint is at least " + Rao.EXISTENTIAL_DEPOSIT + " rao");
        }
        AccountKey to = AccountKey.free(address);
        return books.post(kind, reference, List.of(AccountKey.ISSUANCE, AccountKey.RECYCLED, to), balances -> {
            long issuance = -balances.of(AccountKey.ISSUANCE) - balances.of(AccountKey.RECYCLED);
            if (amount > Rao.MAX_SUPPLY - issuance) {
                throw ApiProblem.unprocessable("supply-exhausted", "minting " + amount + " rao would take issuance above 21M TAO")
                        .with("issuanceRao", issuance).with("maxSupplyRao", Rao.MAX_SUPPLY);
            }
            return new Movement().move(AccountKey.ISSUANCE, to, amount);
        });
    }
}
