package net.taonet.yuma;

import java.util.Arrays;

/** Immutable vector of booleans, indexed by UID. */
public final class BoolVector {

    private final boolean[] values;

    private BoolVector(boolean[] values) {
        this.values = values;
    }

    /** Copies the values. */
    public static BoolVector of(boolean... values) {
        return new BoolVector(values.clone());
    }

    public int size() {
        return values.length;
    }

    public boolean get(int i) {
        return values[i];
    }

    /** A fresh copy of the values. */
    public boolean[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoolVector other && Arrays.equals(values, other.values);
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
