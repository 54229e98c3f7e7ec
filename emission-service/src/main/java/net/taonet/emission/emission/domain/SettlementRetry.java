package net.taonet.emission.emission.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Retries the epochs that wait (for their subnet's or hotkeys' registry events) every few seconds. */
@Component
public class SettlementRetry {

    private static final Logger log = LoggerFactory.getLogger(SettlementRetry.class);

    private final SettlementService settlements;

    public SettlementRetry(SettlementService settlements) {
        this.settlements = settlements;
    }

    @Scheduled(fixedDelayString = "${taonet.emission.settlement-retry-interval:2s}",
            initialDelayString = "${taonet.emission.settlement-retry-interval:2s}")
    public void retry() {
        try {
            int n = settlements.settleAllPending();
            if (n > 0) {
                log.info("settled {} waiting epoch(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("retrying waiting epochs failed: {}", e.getMessage());
        }
    }
}
