package net.taonet.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.gateway.apikey.domain.TokenBucket;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenRefusesUntilRefilled() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        long wait = bucket.tryTake(0);
        assertThat(wait).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
        assertThat(bucket.tryTake(SECOND / 2)).isPositive();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 2, 0);
        long later = 60 * SECOND;
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }
}
