package net.taonet.yuma;

import java.util.OptionalInt;
import java.util.Random;

/** Random but well-formed epoch inputs for property tests, derived from a seed. */
final class RandomEpochs {

    private RandomEpochs() {
    }

    /** Bond modes to exercise. */
    enum Mode {
        CLASSIC, YUMA3, YUMA3_LIQUID
    }

    static Hyperparameters hyperparameters(Random r, Mode mode, int n) {
        int low = 1638 + r.nextInt(40_000);
        int high = low + r.nextInt(65_536 - low);
        return new Hyperparameters(
                r.nextInt(65_536),
                r.nextBoolean() ? 65_535 : r.nextInt(65_536),
                r.nextInt(1_000_001),
                r.nextInt(n + 2),
                1 + r.nextInt(400),
                1000 + r.nextInt(49_001),
                mode != Mode.CLASSIC,
                mode == Mode.YUMA3_LIQUID,
                low, high,
                r.nextInt(3001) - 500,
                r.nextInt(4) == 0 ? r.nextInt(2000) : 0,
                r.nextInt(4) == 0 ? OptionalInt.of(r.nextInt(n)) : OptionalInt.empty(),
                r.nextBoolean(),
                r.nextInt(3) == 0 ? 900 + r.nextInt(100) : 0);
    }

    /**
     * An input with distinct non-zero stakes spaced widely enough that their normalised I32F32
     * values differ too (so top-k permits have no ties), some zero stakes, sorted rows.
     */
    static EpochInput input(Random r, int n) {
        long[] stake = new long[n];
        for (int i = 0; i < n; i++) {
            stake[i] = r.nextInt(5) == 0 ? 0 : (1 + i + (long) n * r.nextInt(1000)) * 10_000_000L;
        }
        long block = 1000 + r.nextInt(1000);
        long[] lu = new long[n];
        long[] bar = new long[n];
        for (int i = 0; i < n; i++) {
            bar[i] = r.nextInt((int) block);
            lu[i] = bar[i] + r.nextInt((int) (block - bar[i]) + 1);
        }
        SparseMatrix.Builder w = SparseMatrix.builder(n);
        SparseMatrix.Builder b = SparseMatrix.builder(n);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (r.nextInt(3) != 0) {
                    w.add(i, j, r.nextInt(4) == 0 ? 0 : r.nextInt(65_536));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (r.nextInt(3) == 0) {
                    b.add(i, j, r.nextInt(65_536));
                }
            }
        }
        boolean[] permit = new boolean[n];
        for (int i = 0; i < n; i++) {
            permit[i] = r.nextInt(4) != 0;
        }
        long[] commit = new long[n];
        for (int i = 0; i < n; i++) {
            commit[i] = r.nextInt(3) == 0 ? r.nextInt((int) block) : EpochInput.NO_COMMIT;
        }
        long rao = r.nextInt(4) == 0 ? Long.MAX_VALUE - r.nextInt(1000) : 1_000_000_000L + r.nextInt(1_000_000_000);
        if (r.nextInt(8) == 0) {
            rao = -1L - r.nextInt(1000); // near u64::MAX
        }
        return new EpochInput(n, U64Vector.of(stake), w.build(), b.build(), U64Vector.of(lu), U64Vector.of(bar),
                BoolVector.of(permit), block, rao, U64Vector.of(commit));
    }
}
