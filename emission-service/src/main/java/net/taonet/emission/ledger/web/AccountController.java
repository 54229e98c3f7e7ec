package net.taonet.emission.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import net.taonet.emission.ledger.domain.AccountQueries;
import net.taonet.emission.ledger.domain.AccountQueries.AccountView;
import net.taonet.emission.ledger.domain.AccountQueries.JournalPage;
import net.taonet.emission.web.Addresses;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Balances, positions and the journal of a coldkey. */
@Tag(name = "accounts", description = "Balances, stake positions and journals of coldkeys")
@RestController
@RequestMapping("/api/v1/accounts")
public class AccountController {

    private final AccountQueries queries;

    public AccountController(AccountQueries queries) {
        this.queries = queries;
    }

    /** Free balance and stake positions (an address never seen holds nothing). */
    @Operation(operationId = "getAccount", summary = "A coldkey's free balance, staked total and positions")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @GetMapping("/{address}")
    public AccountView account(@PathVariable String address) {
        return queries.account(Addresses.require(address, "address"));
    }

    /** The journal lines of the coldkey's free balance and positions, newest first. */
    @Operation(operationId = "getJournal", summary = "Journal lines of a coldkey's accounts, newest first (nextBefore pages on)")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-limit", detail = "limit must be between 1 and 500")
    @GetMapping("/{address}/journal")
    public JournalPage journal(@PathVariable String address, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be within 1..500");
        }
        return queries.journal(Addresses.require(address, "address"), before, limit);
    }
}
