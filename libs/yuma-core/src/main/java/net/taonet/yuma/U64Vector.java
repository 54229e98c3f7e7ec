package net.taonet.yuma;

import java.util.Arrays;

/**
 * Immutable vector of u64 values, indexed by UID. Java has no unsigned long: each value is carried
 * in a {@code long} with the same bits, so values above 2^63 - 1 read as negative; compare with
 * {@link Long#compareUnsigned} and print with {@link Long#toUnsignedString}.
 */
public final class U64Vector {

    private final long[] values;

    private U64Vector(long[] values) {
        this.values = values;
    }

    /** Copies the values (unsigned bits). */
    public static U64Vector of(long... values) {
        return new U64Vector(values.clone());
    }

    /** A vector of {@code n} copies of {@code value}. */
    public static U64Vector filled(int n, long value) {
        long[] v = new long[n];
        Arrays.fill(v, value);
        return new U64Vector(v);
    }

    public int size() {
        return values.length;
    }

    public long get(int i) {
        return values[i];
    }

    /** A fresh copy of the values. */
    public long[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof U64Vector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Long.toUnsignedString(values[i]));
        }
        return b.append(']').toString();
    }
}
