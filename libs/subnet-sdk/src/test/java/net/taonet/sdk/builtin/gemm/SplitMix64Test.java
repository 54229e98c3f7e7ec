package net.taonet.sdk.builtin.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The PRNG's bits are part of the protocol: validator and worker (possibly another language, another JVM)
 * must derive the same matrices. Expected values are the published SplitMix64 reference outputs.
 */
class SplitMix64Test {

    @Test
    void seedZeroGivesTheReferenceOutputs() {
        SplitMix64 prng = new SplitMix64(0);
        assertThat(prng.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(prng.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(prng.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void negativeSeedGivesFixedOutputs() {
        SplitMix64 prng = new SplitMix64(-42);
        assertThat(prng.nextLong()).isEqualTo(0x2785535A58AE2BAEL);
        assertThat(prng.nextLong()).isEqualTo(0xD9639A006C85ADB0L);
        assertThat(prng.nextLong()).isEqualTo(0x5FD30D2FCBEF75E3L);
    }

    @Test
    void floatsUseTheTop24BitsExactly() {
        assertThat(SplitMix64.floatAt(0, 0)).isEqualTo(0x1.8882ap-1f);      // 0.7666216
        assertThat(SplitMix64.floatAt(0, 1)).isEqualTo(-0x1.18762p-3f);     // -0.13694406
        assertThat(SplitMix64.floatAt(0, 2)).isEqualTo(-0x1.e4ee8cp-1f);    // -0.94713247
        assertThat(SplitMix64.toFloat(0L)).isEqualTo(-1.0f);
        assertThat(SplitMix64.toFloat(-1L)).isEqualTo(1.0f - 0x1.0p-23f);
    }

    @Test
    void matricesOfAFixedChallengeNeverChange() {
        GemmChallenge challenge = new GemmChallenge(20260101L, 3, 2, 4);
        float[] a = challenge.matrixA();
        float[] b = challenge.matrixB();
        assertThat(a[0]).isEqualTo(SplitMix64.floatAt(20260101L, 0));
        assertThat(a[11]).isEqualTo(SplitMix64.floatAt(20260101L, 11));
        assertThat(b[0]).isEqualTo(SplitMix64.floatAt(20260101L, 12));
        assertThat(b[7]).isEqualTo(SplitMix64.floatAt(20260101L, 19));
        // A fingerprint of the whole 256x256x1024 inputs, so a change in layout or conversion is caught.
        GemmChallenge big = new GemmChallenge(7, 256, 256, 1024);
        assertThat(fingerprint(big.matrixA())).isEqualTo(fingerprint(sequential(7, 0, 256 * 1024)));
        assertThat(fingerprint(big.matrixB())).isEqualTo(fingerprint(sequential(7, 256 * 1024, 1024 * 256)));
    }

    @Property(tries = 200)
    void randomAccessEqualsTheStreamAndTheJdkMixer(@ForAll long seed, @ForAll @LongRange(min = 0, max = 1000) long index) {
        SplitMix64 stream = new SplitMix64(seed);
        SplittableRandom jdk = new SplittableRandom(seed); // same constants and mixer since Java 8
        long value = 0;
        long jdkValue = 0;
        for (long i = 0; i <= index; i++) {
            value = stream.nextLong();
            jdkValue = jdk.nextLong();
        }
        assertThat(SplitMix64.output(seed, index)).isEqualTo(value).isEqualTo(jdkValue);
    }

    @Property(tries = 500)
    void floatsAreInRange(@ForAll long bits) {
        float f = SplitMix64.toFloat(bits);
        assertThat(f).isGreaterThanOrEqualTo(-1.0f).isLessThan(1.0f);
    }

    private static float[] sequential(long seed, int first, int count) {
        SplitMix64 prng = new SplitMix64(seed);
        for (int i = 0; i < first; i++) {
            prng.nextLong();
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = prng.nextFloat();
        }
        return out;
    }

    private static long fingerprint(float[] values) {
        long h = 1125899906842597L;
        for (float v : values) {
            h = 31 * h + Float.floatToRawIntBits(v);
        }
        return h;
    }
}
