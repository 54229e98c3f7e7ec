package net.taonet.registry.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lock cost of spec/protocol.md §3 with the network defaults: min_lock 1,000 TAO, interval 100,800.
 * last_lock / interval = 10^12 / 100,800 = 9,920,634 rao per block (rounded down).
 */
class LockCostTest {

    static final long TAO = 1_000_000_000L;
    static final long MIN_LOCK = 1_000 * TAO;
    static final long INTERVAL = 100_800;

    @Test
    void theFirstSubnetCostsTheFloor() {
        assertThat(LockCost.at(MIN_LOCK, 0, 0, INTERVAL)).isEqualTo(MIN_LOCK);
    }

    @Test
    void creationDoublesThePrice() {
        assertThat(LockCost.at(MIN_LOCK, MIN_LOCK, 0, INTERVAL)).isEqualTo(2_000 * TAO);
    }

    @Test
    void halfAnIntervalLater() {
        // 2 × 10^12 − 9,920,634 × 50,400 = 2,000,000,000,000 − 499,999,953,600 = 1,500,000,046,400
        assertThat(LockCost.at(MIN_LOCK, MIN_LOCK, 50_400, INTERVAL)).isEqualTo(1_500_000_046_400L);
    }

    @Test
    void oneIntervalLaterTheRoundingLeavesItJustAboveTheFloor() {
        // 2 × 10^12 − 9,920,634 × 100,800 = 1,000,000,092,800
        assertThat(LockCost.at(MIN_LOCK, MIN_LOCK, 100_800, INTERVAL)).isEqualTo(1_000_000_092_800L);
    }

    @Test
    void oneBlockMoreAndTheFloorHolds() {
        // 1,000,000,092,800 − 9,920,634 = 999,990,172,166 < 10^12 → min_lock
        assertThat(LockCost.at(MIN_LOCK, MIN_LOCK, 100_801, INTERVAL)).isEqualTo(MIN_LOCK);
    }

    @Test
    void aSecondCreationDoublesTheDecayedPrice() {
        // created at 1,500,000,046,400 rao: the next creation in the same block costs twice that
        assertThat(LockCost.at(MIN_LOCK, 1_500_000_046_400L, 0, INTERVAL)).isEqualTo(3_000_000_092_800L);
    }

    @Test
    void longAfterwardsTheSubtractionSaturatesAtTheFloor() {
        assertThat(LockCost.at(MIN_LOCK, 5_000 * TAO, Long.MAX_VALUE / 2, INTERVAL)).isEqualTo(MIN_LOCK);
    }

    @Test
    void aCheapLocalNetwork() {
        // local profile style: min 10 TAO, interval 600 → last 10 TAO: 2 × 10 TAO − (10^10 / 600) × 300
        // = 20,000,000,000 − 16,666,666 × 300 = 15,000,000,200
        assertThat(LockCost.at(10 * TAO, 10 * TAO, 300, 600)).isEqualTo(15_000_000_200L);
    }
}
