package net.taonet.registry.charge.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import net.taonet.registry.RegistryProperties;
import net.taonet.registry.charge.domain.ChargeJournal.ChargeRow;
import net.taonet.registry.charge.domain.ChargeJournal.State;
import net.taonet.registry.charge.domain.Ledger.LedgerCharge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles charges whose flow died between the ledger's charge and the registry's commit (a crash, a kill,
 * an unknown outcome): a row still PENDING after the grace period has no registration, by construction,
 * so a charge the ledger made is refunded, and one it never saw is abandoned. Each row is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances never refund one charge twice (the ledger's refund
 * is idempotent besides).
 */
@Component
public class ChargeReconciler {

    private static final Logger log = LoggerFactory.getLogger(ChargeReconciler.class);

    private final ChargeJournal journal;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Duration grace;

    public ChargeReconciler(ChargeJournal journal, Ledger ledger, TransactionTemplate tx, RegistryProperties props) {
        this.journal = journal;
        this.ledger = ledger;
        this.tx = tx;
        this.grace = props.charges().reconcileGrace();
    }

    /** One pass; returns how many rows it settled. */
    public int reconcileOnce() {
        int settled = 0;
        for (UUID id : journal.pendingOlderThan(grace, 100)) {
            try {
                Boolean done = tx.execute(status -> settle(id));
                if (Boolean.TRUE.equals(done)) {
                    settled++;
                }
            } catch (LedgerUnavailableException e) {
                log.info("reconciliation of charge {} waits for the ledger: {}", id, e.getMessage());
                return settled;
            } catch (RuntimeException e) {
                log.warn("reconciliation of charge {} failed, retried next pass", id, e);
            }
        }
        return settled;
    }

    private boolean settle(UUID id) {
        Optional<ChargeRow> claimed = journal.claimPending(id);
        if (claimed.isEmpty()) {
            return false;
        }
        ChargeRow row = claimed.get();
        Optional<LedgerCharge> atLedger = ledger.find(id);
        if (atLedger.isEmpty()) {
            journal.settle(id, State.ABANDONED, "the ledger never charged it");
            log.info("charge {} ({} {} rao of {}) was never made: abandoned", id, row.kind(), row.amountRao(), row.coldkey());
            return true;
        }
        LedgerCharge refunded = atLedger.get().refunded() ? atLedger.get() : ledger.refund(id);
        journal.settle(id, State.REFUNDED, "refunded by the reconciliation (journal tx " + refunded.refundTx() + ")");
        log.warn("charge {} ({} {} rao of {} for {} on subnet {}) had no registration: refunded", id, row.kind(),
                row.amountRao(), row.coldkey(), row.hotkey(), row.netuid());
        return true;
    }
}
