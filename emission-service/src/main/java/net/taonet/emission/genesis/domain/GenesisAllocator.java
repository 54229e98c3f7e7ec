package net.taonet.emission.genesis.domain;

import java.util.Comparator;
import java.util.List;
import net.taonet.emission.EmissionProperties;
import net.taonet.emission.EmissionProperties.GenesisAllocation;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.identity.Ss58;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Applies the configured genesis allocations once, at start-up. */
@Component
public class GenesisAllocator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenesisAllocator.class);

    private final List<GenesisAllocation> allocations;
    private final Mint mint;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public GenesisAllocator(EmissionProperties props, Mint mint, JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.allocations = props.genesis().stream().sorted(Comparator.comparing(GenesisAllocation::address)).toList();
        this.mint = mint;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        for (GenesisAllocation a : allocations) {
            if (!Ss58.isValid(a.address())) {
                throw new IllegalArgumentException("taonet.emission.genesis: '" + a.address() + "' is not an SS58 address");
            }
        }
        if (allocations.stream().map(GenesisAllocation::address).distinct().count() != allocations.size()) {
            throw new IllegalArgumentException("taonet.emission.genesis lists an address twice");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        applyAll();
    }

    /** Returns how many allocations were applied now (0 when all were applied before). */
    public int applyAll() {
        int applied = 0;
        for (GenesisAllocation a : allocations) {
            Boolean done = tx.execute(status -> {
                // Serialises instances starting together (taken before any account lock); the row is the guard.
                jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "genesis:" + a.address());
                var existing = jdbc.queryForList("SELECT amount_rao FROM genesis_allocation WHERE address = ?", Long.class,
                        a.address());
                if (!existing.isEmpty()) {
                    if (existing.get(0) != a.amountRao()) {
                        log.warn("genesis allocation of {} was {} rao; the configured {} rao is not applied again",
                                a.address(), existing.get(0), a.amountRao());
                    }
                    return false;
                }
                Posting p = mint.mint("GENESIS", "genesis:" + a.address(), a.address(), a.amountRao());
                jdbc.update("INSERT INTO genesis_allocation (address, amount_rao, journal_tx) VALUES (?, ?, ?)",
                        a.address(), a.amountRao(), p.journalTx());
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                applied++;
                log.info("genesis: minted {} rao to {}", a.amountRao(), a.address());
            }
        }
        return applied;
    }
}
