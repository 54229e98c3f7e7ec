package net.taonet.yuma.epoch;

import java.math.BigInteger;

import net.taonet.yuma.EpochInput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.fixed.I32F32;
import net.taonet.yuma.fixed.I64F64;
import net.taonet.yuma.fixed.I96F32;

/** Steps that the sparse and the dense epoch compute identically. */
final class EpochCommon {

    private EpochCommon() {
    }

    /** §5.1: {@code max(⌊factor·tempo/1000⌋, 1)} blocks. */
    static long activityCutoff(Hyperparameters hp) {
        return Math.max(hp.activityCutoffFactorMilli() * hp.tempo() / 1000, 1);
    }

    /** §5.1: {@code (LU_i ⊕ cutoff) < b} (u64, saturating add). */
    static boolean[] inactive(EpochInput in, long cutoff) {
        int n = in.n();
        boolean[] inactive = new boolean[n];
        long block = in.currentBlock();
        for (int i = 0; i < n; i++) {
            long lu = in.lastUpdate().get(i);
            long until = lu + cutoff;
            if (Long.compareUnsigned(until, lu) < 0) {
                until = -1L; // u64::MAX
            }
            inactive[i] = Long.compareUnsigned(until, block) < 0;
        }
        return inactive;
    }

    /** §5.10: {@code ℓ = b ⊖ tempo} if LMS is 0, else {@code LMS + 1}. */
    static long lastTempo(EpochInput in, Hyperparameters hp) {
        long lms = hp.lastMechanismStepBlock();
        if (lms == 0) {
            long b = in.currentBlock();
            return Long.compareUnsigned(b, hp.tempo()) <= 0 ? 0 : b - hp.tempo();
        }
        return lms == -1L ? -1L : lms + 1;
    }

    /**
     * §5.2: zero the stake of UIDs below the threshold (except {@code exempt}, the owner on the
     * sparse path; -1 for none), normalise in I64F64 and floor to I32F32.
     */
    static long[] normalizedStake(EpochInput in, Hyperparameters hp, int exempt) {
        int n = in.n();
        long threshold = hp.stakeThreshold();
        long[] kept = new long[n];
        boolean fits = true; // every kept stake and their sum below 2^63
        long total = 0;
        for (int i = 0; i < n; i++) {
            long s = in.stake().get(i);
            // floor(I64F64(s)) saturates at 2^63 - 1 for u64 values of 2^63 and above
            long floor = s < 0 ? Long.MAX_VALUE : s;
            boolean below = Long.compareUnsigned(floor, threshold) < 0;
            kept[i] = below && i != exempt ? 0 : s;
            if (kept[i] < 0) {
                fits = false;
            } else if (fits) {
                total += kept[i];
                if (total < 0) {
                    fits = false;
                }
            }
        }
        long[] stake = new long[n];
        if (fits) {
            if (total == 0) {
                return stake;
            }
            for (int i = 0; i < n; i++) {
                stake[i] = I64F64.integerRatioToI32F32(kept[i], total);
            }
            return stake;
        }
        // General I64F64 path (saturated conversions, wrapping sum), for stakes beyond 2^63.
        BigInteger[] t = new BigInteger[n];
        BigInteger sum = I64F64.ZERO;
        for (int i = 0; i < n; i++) {
            t[i] = I64F64.fromU64(kept[i]);
            sum = I64F64.wrappingAdd(sum, t[i]);
        }
        for (int i = 0; i < n; i++) {
            BigInteger s = sum.signum() == 0 ? t[i] : I64F64.safeDiv(t[i], sum);
            stake[i] = I64F64.toI32F32(s);
        }
        return stake;
    }

    /**
     * §5.4: mask inactive UIDs, then UIDs without an old permit (vector-mask semantics: an empty
     * mask hides nothing, a short one hides everything beyond its end), then normalise.
     */
    static long[] activeStake(long[] stake, boolean[] inactive, boolean[] forbidden) {
        long[] a = stake.clone();
        for (int i = 0; i < a.length; i++) {
            if (inactive[i]) {
                a[i] = 0;
            }
        }
        if (forbidden.length > 0) {
            for (int i = 0; i < a.length; i++) {
                if (i >= forbidden.length || forbidden[i]) {
                    a[i] = 0;
                }
            }
        }
        return YumaMath.normalizeInPlace(a);
    }

    /** §5.11: {@code α = 1 ⊖ I32F32(I64F64(bma) ÷ I64F64(10⁶))}. */
    static long fixedAlpha(Hyperparameters hp) {
        BigInteger ratio = I64F64.safeDiv(I64F64.fromU64(hp.bondsMovingAverage()), I64F64.fromInt(1_000_000));
        return I32F32.saturatingSub(I32F32.ONE, I64F64.toI32F32(ratio));
    }

    /**
     * §5.13: {@code [ns, nv, nc]}: incentive and dividends over their combined sum; when that sum
     * is 0, validators (and the combined vector) get active stake, or stake if none is active.
     */
    static long[][] emissionShares(long[] incentive, long[] dividends, long[] activeStake, long[] stake) {
        int n = incentive.length;
        long[] combined = new long[n];
        for (int i = 0; i < n; i++) {
            combined[i] = I32F32.saturatingAdd(incentive[i], dividends[i]);
        }
        long sum = YumaMath.sum(combined);
        long[] server = YumaMath.normalizeUsingSumInPlace(incentive.clone(), sum);
        long[] validator = YumaMath.normalizeUsingSumInPlace(dividends.clone(), sum);
        long[] all = YumaMath.normalizeInPlace(combined);
        if (sum == 0) {
            long[] fallback = YumaMath.isZero(activeStake) ? stake : activeStake;
            validator = fallback.clone();
            all = fallback.clone();
        }
        return new long[][] {server, validator, all};
    }

    /** §5.13: {@code rao(x) = clamp(floor(I96F32(x) ⊗ I96F32(E)), 0, u64::MAX)} per entry. */
    static long[] toRao(long[] shares, long raoEmission) {
        long[] out = new long[shares.length];
        for (int i = 0; i < shares.length; i++) {
            out[i] = I96F32.proportionOfU64(shares[i], raoEmission);
        }
        return out;
    }
}
