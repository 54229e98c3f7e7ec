package net.taonet.emission.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import net.taonet.emission.audit.domain.Auditor;
import net.taonet.emission.audit.domain.Auditor.Report;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the ledger's invariants with their figures (always 200; {@code ok} says). */
@Tag(name = "audit", description = "The ledger's invariants with their figures")
@RestController
public class AuditController {

    private final Auditor auditor;

    public AuditController(Auditor auditor) {
        this.auditor = auditor;
    }

    @Operation(operationId = "getAudit", summary = "The ledger's audit: conservation of issuance, account totals, journal balance")
    @GetMapping("/api/v1/audit")
    public Report audit() {
        return auditor.audit();
    }
}
