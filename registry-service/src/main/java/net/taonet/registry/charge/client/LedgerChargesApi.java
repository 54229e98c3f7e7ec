package net.taonet.registry.charge.client;

import net.taonet.registry.charge.domain.Ledger.LedgerCharge;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** docs/contracts.md, "Ledger charges (registry → emission)". */
@HttpExchange(url = "/internal/charges", accept = "application/json")
public interface LedgerChargesApi {

    /** The body of a lock or burn. */
    record ChargeBody(String requestId, String coldkey, int netuid, long amountRao) {
    }

    @PostExchange(url = "/lock", contentType = "application/json")
    LedgerCharge lock(@RequestBody ChargeBody body);

    @PostExchange(url = "/burn", contentType = "application/json")
    LedgerCharge burn(@RequestBody ChargeBody body);

    @PostExchange("/{requestId}/refund")
    LedgerCharge refund(@PathVariable String requestId);

    @GetExchange("/{requestId}")
    LedgerCharge get(@PathVariable String requestId);
}
