package net.taonet.yuma;

import java.util.Arrays;

/** Immutable vector of I32F32 values carried as their raw signed 64-bit bits (value = bits/2^32). */
public final class FixedVector {

    private final long[] bits;

    private FixedVector(long[] bits) {
        this.bits = bits;
    }

    /** Copies the raw bits. */
    public static FixedVector ofBits(long... bits) {
        return new FixedVector(bits.clone());
    }

    public int size() {
        return bits.length;
    }

    /** Raw I32F32 bits of entry {@code i}. */
    public long bits(int i) {
        return bits[i];
    }

    /** A fresh copy of the raw bits. */
    public long[] toBitsArray() {
        return bits.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedVector other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return Arrays.toString(bits);
    }
}
