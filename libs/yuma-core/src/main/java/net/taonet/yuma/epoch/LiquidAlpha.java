package net.taonet.yuma.epoch;

import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.fixed.FixedExp;
import net.taonet.yuma.fixed.I32F32;

/**
 * Liquid alpha (spec §5.12, subtensor's {@code alpha_sigmoid}): the per-entry EMA rate, a logistic
 * of how far a weight sits above consensus (buying) or a bond above its weight (selling).
 *
 * <p>The rate depends on the inputs only through the clamped difference {@code d}; the common
 * {@code d = 0} (weight at or below consensus and not below its bond) is evaluated once per epoch.
 */
final class LiquidAlpha {

    private final long low;
    private final long high;
    private final long range;
    private final long slope;
    private final long alphaAtZero;

    private LiquidAlpha(long low, long high, long slope) {
        this.low = low;
        this.high = high;
        this.range = I32F32.saturatingSub(high, low);
        this.slope = slope;
        this.alphaAtZero = alphaForDifference(0);
    }

    static LiquidAlpha of(Hyperparameters hp) {
        long low = I32F32.fromU16Proportion(hp.alphaLow());
        long high = I32F32.fromU16Proportion(hp.alphaHigh());
        long steepness = I32F32.fromInt(hp.alphaSigmoidSteepness());
        long slope = I32F32.saturatingDiv(steepness, I32F32.fromInt(-100));
        return new LiquidAlpha(low, high, slope);
    }

    /** α for consensus {@code c}, bond weight {@code w} and old bond {@code b} (I32F32 bits). */
    long alpha(long c, long w, long b) {
        long d;
        if (w >= b) {
            d = I32F32.clamp(I32F32.saturatingSub(w, c), 0, I32F32.ONE); // buying
        } else {
            d = I32F32.clamp(I32F32.saturatingSub(b, w), 0, I32F32.ONE); // selling
        }
        return d == 0 ? alphaAtZero : alphaForDifference(d);
    }

    /** {@code clamp(αl ⊕ σ ⊗ (αh ⊖ αl), αl, αh)}, {@code σ = 1 ÷ₛ (1 ⊕ exp_safe(k/−100 ⊗ (d ⊖ ½)))}. */
    long alphaForDifference(long d) {
        long z = I32F32.saturatingMul(slope, I32F32.saturatingSub(d, I32F32.HALF));
        long sigmoid = I32F32.oneOver(I32F32.saturatingAdd(I32F32.ONE, FixedExp.expSafe(z)));
        long a = I32F32.saturatingAdd(low, I32F32.saturatingMul(sigmoid, range));
        return I32F32.clamp(a, low, high);
    }
}
