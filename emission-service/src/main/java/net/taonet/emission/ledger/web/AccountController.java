package net.taonet.emission.ledger.web;

import net.taonet.emission.ledger.domain.AccountQueries;
import net.taonet.emission.ledger.domain.AccountQueries.AccountView;
import net.taonet.emission.ledger.domain.AccountQueries.JournalPage;
import net.taonet.emission.web.Addresses;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Balances, positions and the journal of a coldkey. */
@RestController
@RequestMapping("/api/v1/accounts")
public class AccountController {

    private final AccountQueries queries;

    public AccountController(AccountQueries queries) {
        this.queries = queries;
    }

    /** Free balance and stake positions (an address never seen holds nothing). */
    @GetMapping("/{address}")
    public AccountView account(@PathVariable String address) {
        return queries.account(Addresses.require(address, "address"));
    }

    /** The journal lines of the coldkey's free balance and positions, newest first. */
    @GetMapping("/{address}/journal")
    public JournalPage journal(@PathVariable String address, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be within 1..500");
        }
        return queries.journal(Addresses.require(address, "address"), before, limit);
    }
}
