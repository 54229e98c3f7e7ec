package net.taonet.registry.charge.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * The ledger's internal charges (docs/contracts.md, "Ledger charges"), as the registry needs them. Every
 * method either answers, throws {@link LedgerRefusedException} (the ledger said no: nothing happened), or
 * throws {@link LedgerUnavailableException} (the outcome is unknown).
 */
public interface Ledger {

    LedgerCharge lock(ChargeCommand command);

    LedgerCharge burn(ChargeCommand command);

    LedgerCharge refund(UUID requestId);

    /** The charge as the ledger knows it, or empty if it never saw the request id. */
    Optional<LedgerCharge> find(UUID requestId);

    /** What the registry asks to be charged. */
    record ChargeCommand(UUID requestId, String coldkey, int netuid, long amountRao) {
    }

    /** The ledger's answer; {@code state} is {@code CHARGED} or {@code REFUNDED}. */
    record LedgerCharge(String requestId, String kind, String coldkey, int netuid, long amountRao, String state,
            Long journalTx, Long refundTx) {

        public boolean refunded() {
            return "REFUNDED".equals(state);
        }
    }
}
