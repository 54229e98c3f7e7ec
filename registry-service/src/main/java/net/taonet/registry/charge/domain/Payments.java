package net.taonet.registry.charge.domain;

import java.util.UUID;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.registry.charge.domain.ChargeJournal.Kind;
import net.taonet.registry.charge.domain.Ledger.ChargeCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The payment step of a paying flow. Call it inside the flow's transaction, after every check and while
 * holding the lock that serialises the flow (so the amount cannot change): it journals the charge, asks
 * the ledger, and marks the charge COMPLETED in the flow's transaction, which then commits what was paid
 * for. Any exception leaves the caller to roll back.
 */
@Component
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final ChargeJournal journal;
    private final Ledger ledger;
    private final ObjectProvider<ChargeFlowProbe> probe;

    public Payments(ChargeJournal journal, Ledger ledger, ObjectProvider<ChargeFlowProbe> probe) {
        this.journal = journal;
        this.ledger = ledger;
        this.probe = probe;
    }

    /** Charges {@code amountRao} to {@code coldkey}; returns the request id of the completed charge. */
    public UUID pay(Kind kind, String coldkey, int netuid, String hotkey, long amountRao) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a payment belongs inside the transaction of what it pays for");
        }
        UUID requestId = UUID.randomUUID();
        journal.recordPending(requestId, kind, coldkey, netuid, hotkey, amountRao);
        ChargeCommand command = new ChargeCommand(requestId, coldkey, netuid, amountRao);
        try {
            if (kind == Kind.LOCK) {
                ledger.lock(command);
            } else {
                ledger.burn(command);
            }
        } catch (LedgerRefusedException e) {
            journal.fail(requestId, e.type() + ": " + e.getMessage());
            HttpStatus status = HttpStatus.resolve(e.status());
            ApiProblem problem = new ApiProblem(status == null ? HttpStatus.UNPROCESSABLE_CONTENT : status, e.type(),
                    "Refused by the ledger", e.getMessage());
            e.properties().forEach(problem::with);
            throw problem;
        } catch (LedgerUnavailableException e) {
            log.warn("charge {} ({} {} rao of {}) has an unknown outcome: {}; the reconciliation will settle it",
                    requestId, kind, amountRao, coldkey, e.getMessage());
            throw ApiProblem.unavailable("ledger-unavailable",
                    "the ledger could not be reached; nothing was registered, and any charge will be refunded")
                    .with("requestId", requestId.toString());
        }
        probe.ifAvailable(p -> p.charged(requestId));
        if (!journal.complete(requestId)) {
            // the reconciliation took the row (this flow outlived its grace period): it refunds the charge
            throw ApiProblem.unavailable("charge-reconciled",
                    "the charge was taken over by the reconciliation and will be refunded; try again");
        }
        return requestId;
    }
}
