package net.taonet.emission.audit.domain;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit's figures as gauges ({@code taonet_ledger_*}): issuance, minted, recycled, free, staked and
 * locked rao, accounts, journal transactions, settlements, and whether every invariant holds. The audit
 * reads the whole ledger, so one run serves every gauge for {@link #MAX_AGE}; a scrape every 15 s costs at
 * most one audit. Rao figures are doubles here: exact to the rao up to 2^53 (about 9 million TAO), to a few
 * rao beyond; the exact figures stay at {@code GET /api/v1/audit}.
 */
@Component
public class LedgerGauges implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(LedgerGauges.class);

    private final Auditor auditor;
    private final Clock clock;
    private Auditor.Report last;
    private long lastAt;

    public LedgerGauges(Auditor auditor) {
        this.auditor = auditor;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        figure(registry, "taonet.ledger.issuance.rao", "issuanceRao", "TAO in existence: minted less recycled");
        figure(registry, "taonet.ledger.minted.rao", "mintedRao", "TAO ever minted");
        figure(registry, "taonet.ledger.recycled.rao", "recycledRao", "TAO recycled (burnt registrations, fees)");
        figure(registry, "taonet.ledger.free.rao", "freeRao", "TAO in free balances");
        figure(registry, "taonet.ledger.staked.rao", "stakedRao", "TAO staked");
        figure(registry, "taonet.ledger.locked.rao", "lockedRao", "TAO locked by subnet owners");
        figure(registry, "taonet.ledger.accounts", "accounts", "accounts in the ledger");
        figure(registry, "taonet.ledger.journal.transactions", "journalTransactions", "journal transactions");
        figure(registry, "taonet.ledger.settlements", "settlements", "epochs settled, all subnets");
        gauge(registry, "taonet.ledger.audit.ok", r -> r.ok() ? 1 : 0, "1 while every ledger invariant holds");
        gauge(registry, "taonet.ledger.audit.failed.checks",
                r -> r.checks().stream().filter(c -> !c.ok()).count(), "ledger invariants that do not hold");
    }

    private void figure(MeterRegistry registry, String name, String figure, String description) {
        gauge(registry, name, r -> number(r.figures(), figure), description);
    }

    private void gauge(MeterRegistry registry, String name, ToDoubleFunction<Auditor.Report> value, String description) {
        Gauge.builder(name, this, g -> {
            Auditor.Report r = g.report();
            return r == null ? Double.NaN : value.applyAsDouble(r);
        }).description(description).strongReference(true).register(registry);
    }

    /** The latest audit, run again when older than {@link #MAX_AGE}; null while the database cannot answer. */
    synchronized Auditor.Report report() {
        long now = clock.millis();
        if (last == null || now - lastAt >= MAX_AGE.toMillis()) {
            try {
                last = auditor.audit();
                lastAt = now;
            } catch (RuntimeException e) {
                log.debug("ledger audit for the gauges failed: {}", e.getMessage());
                return null;
            }
        }
        return last;
    }

    private static double number(Map<String, Object> figures, String name) {
        Object v = figures.get(name);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
