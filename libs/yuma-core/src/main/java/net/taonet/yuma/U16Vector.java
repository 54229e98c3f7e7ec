package net.taonet.yuma;

import java.util.Arrays;

/** Immutable vector of u16 values (0..65535), indexed by UID. */
public final class U16Vector {

    private final int[] values;

    private U16Vector(int[] values) {
        this.values = values;
    }

    /** Copies and range-checks the values. */
    public static U16Vector of(int... values) {
        int[] copy = values.clone();
        for (int v : copy) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("u16 out of range: " + v);
            }
        }
        return new U16Vector(copy);
    }

    public int size() {
        return values.length;
    }

    public int get(int i) {
        return values[i];
    }

    /** A fresh copy of the values. */
    public int[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof U16Vector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
