package net.taonet.yuma;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import net.taonet.yuma.fixed.I32F32;

/** Invariants of the epoch over random inputs and hyperparameters. */
class EpochProperties {

    @Property
    void emissionsNeverExceedTheEmission(@ForAll long seed, @ForAll RandomEpochs.Mode mode,
                                         @ForAll @IntRange(min = 1, max = 12) int n, @ForAll boolean dense) {
        Random r = new Random(seed);
        EpochInput in = RandomEpochs.input(r, n);
        EpochOutput out = run(in, RandomEpochs.hyperparameters(r, mode, n), dense);
        BigInteger rao = unsigned(in.raoEmission());
        BigInteger split = sum(out.serverEmission()).add(sum(out.validatorEmission()));
        assertThat(split).isLessThanOrEqualTo(rao);
        assertThat(sum(out.emission())).isLessThanOrEqualTo(rao);
    }

    @Property
    void outputsStayInTheirRanges(@ForAll long seed, @ForAll RandomEpochs.Mode mode,
                                  @ForAll @IntRange(min = 1, max = 12) int n, @ForAll boolean dense) {
        Random r = new Random(seed);
        EpochInput in = RandomEpochs.input(r, n);
        Hyperparameters hp = RandomEpochs.hyperparameters(r, mode, n);
        EpochOutput out = run(in, hp, dense);
        for (FixedVector share : List.of(out.stakeBits(), out.activeStakeBits(), out.consensusBits(),
                out.incentiveBits(), out.dividendsBits(), out.normalizedServer(), out.normalizedValidator(),
                out.normalizedCombined())) {
            long total = 0;
            for (int i = 0; i < n; i++) {
                assertThat(share.bits(i)).isBetween(0L, I32F32.ONE);
                total += share.bits(i);
            }
            if (share != out.consensusBits()) {
                assertThat(total).isLessThanOrEqualTo(I32F32.ONE);
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(out.validatorTrustBits().bits(i)).isBetween(0L, I32F32.ONE + n); // row sums of proportions
            assertThat(Long.compareUnsigned(out.serverEmission().get(i), in.raoEmission())).isLessThanOrEqualTo(0);
            assertThat(Long.compareUnsigned(out.validatorEmission().get(i), in.raoEmission())).isLessThanOrEqualTo(0);
        }
        int permits = 0;
        for (int i = 0; i < n; i++) {
            permits += out.newValidatorPermit().get(i) ? 1 : 0;
            if (!dense && !out.newValidatorPermit().get(i)) {
                assertThat(out.bonds().rowLength(i)).isZero();
            }
            for (int k = 0; k < out.bonds().rowLength(i); k++) {
                assertThat(out.bonds().col(i, k)).isBetween(0, n - 1);
                assertThat(out.bonds().value(i, k)).isBetween(0L, 65_535L);
            }
        }
        assertThat(permits).isLessThanOrEqualTo(hp.maxAllowedValidators() + (hp.ownerUid().isPresent() ? 1 : 0));
    }

    @Property
    void permutingUidsPermutesTheOutputs(@ForAll long seed, @ForAll RandomEpochs.Mode mode,
                                         @ForAll @IntRange(min = 1, max = 10) int n) {
        Random r = new Random(seed);
        EpochInput in = RandomEpochs.input(r, n);
        Hyperparameters hp = RandomEpochs.hyperparameters(r, mode, n);
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perm.add(i);
        }
        Collections.shuffle(perm, r);
        int[] p = perm.stream().mapToInt(Integer::intValue).toArray();

        EpochOutput a = Yuma.epoch(in, hp);
        EpochOutput b = Yuma.epoch(permute(in, p), permute(hp, p));
        for (int i = 0; i < n; i++) {
            int q = p[i];
            assertThat(b.stakeWeight().get(q)).isEqualTo(a.stakeWeight().get(i));
            assertThat(b.active().get(q)).isEqualTo(a.active().get(i));
            assertThat(b.consensus().get(q)).isEqualTo(a.consensus().get(i));
            assertThat(b.incentive().get(q)).isEqualTo(a.incentive().get(i));
            assertThat(b.dividends().get(q)).isEqualTo(a.dividends().get(i));
            assertThat(b.validatorTrust().get(q)).isEqualTo(a.validatorTrust().get(i));
            assertThat(b.newValidatorPermit().get(q)).isEqualTo(a.newValidatorPermit().get(i));
            assertThat(b.serverEmission().get(q)).isEqualTo(a.serverEmission().get(i));
            assertThat(b.validatorEmission().get(q)).isEqualTo(a.validatorEmission().get(i));
            assertThat(b.emission().get(q)).isEqualTo(a.emission().get(i));
            assertThat(b.normalizedServer().bits(q)).isEqualTo(a.normalizedServer().bits(i));
            assertThat(b.normalizedValidator().bits(q)).isEqualTo(a.normalizedValidator().bits(i));
            assertThat(rowMap(b.bonds(), q, null)).isEqualTo(rowMap(a.bonds(), i, p));
        }
    }

    @Property
    void aValidatorWithoutStakeChangesNothing(@ForAll long seed, @ForAll RandomEpochs.Mode mode,
                                              @ForAll @IntRange(min = 1, max = 10) int n, @ForAll boolean dense) {
        Random r = new Random(seed);
        EpochInput in = RandomEpochs.input(r, n);
        Hyperparameters hp = RandomEpochs.hyperparameters(r, mode, n);
        // Its permit can only matter through bonds it could build; classic bonds scale by its
        // (zero) stake, Yuma3 bonds do not, so there it is a validator still waiting for a permit.
        boolean permit = mode == RandomEpochs.Mode.CLASSIC && r.nextBoolean();
        EpochInput extended = withZeroStakeValidator(in, r, permit);
        EpochOutput a = run(in, hp, dense);
        EpochOutput b = run(extended, hp, dense);
        for (int i = 0; i < n; i++) {
            assertThat(b.stakeWeight().get(i)).isEqualTo(a.stakeWeight().get(i));
            assertThat(b.consensus().get(i)).isEqualTo(a.consensus().get(i));
            assertThat(b.incentive().get(i)).isEqualTo(a.incentive().get(i));
            assertThat(b.dividends().get(i)).isEqualTo(a.dividends().get(i));
            assertThat(b.validatorTrust().get(i)).isEqualTo(a.validatorTrust().get(i));
            assertThat(b.newValidatorPermit().get(i)).isEqualTo(a.newValidatorPermit().get(i));
            assertThat(b.serverEmission().get(i)).isEqualTo(a.serverEmission().get(i));
            assertThat(b.validatorEmission().get(i)).isEqualTo(a.validatorEmission().get(i));
            assertThat(b.emission().get(i)).isEqualTo(a.emission().get(i));
            if (!dense) {
                assertThat(rowMap(b.bonds(), i, null)).isEqualTo(rowMap(a.bonds(), i, null));
            }
        }
        assertThat(b.stakeWeight().get(n)).isZero();
        assertThat(b.dividends().get(n)).isZero();
        assertThat(b.validatorEmission().get(n)).isZero();
        assertThat(b.newValidatorPermit().get(n)).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private static EpochOutput run(EpochInput in, Hyperparameters hp, boolean dense) {
        return Yuma.epoch(in, hp, new EpochOptions(dense ? EpochOptions.Path.DENSE : EpochOptions.Path.SPARSE, false));
    }

    private static EpochInput withZeroStakeValidator(EpochInput in, Random r, boolean permit) {
        int n = in.n();
        long[] stake = append(in.stake().toArray(), 0);
        SparseMatrix.Builder w = SparseMatrix.builder(n + 1);
        copyRows(in.weights(), w);
        for (int j = 0; j < n; j++) {
            w.add(n, j, r.nextInt(65_536));
        }
        SparseMatrix.Builder b = SparseMatrix.builder(n + 1);
        copyRows(in.bonds(), b);
        boolean[] permits = new boolean[n + 1];
        System.arraycopy(in.validatorPermit().toArray(), 0, permits, 0, n);
        permits[n] = permit;
        return new EpochInput(n + 1, U64Vector.of(stake), w.build(), b.build(),
                U64Vector.of(append(in.lastUpdate().toArray(), in.currentBlock())),
                U64Vector.of(append(in.blockAtRegistration().toArray(), 0)), BoolVector.of(permits),
                in.currentBlock(), in.raoEmission(), U64Vector.of(append(in.commitBlocks().toArray(), EpochInput.NO_COMMIT)));
    }

    private static void copyRows(SparseMatrix m, SparseMatrix.Builder b) {
        for (int i = 0; i < m.rows(); i++) {
            for (int k = 0; k < m.rowLength(i); k++) {
                b.add(i, m.col(i, k), m.value(i, k));
            }
        }
    }

    private static long[] append(long[] v, long x) {
        long[] out = java.util.Arrays.copyOf(v, v.length + 1);
        out[v.length] = x;
        return out;
    }

    /** UID i of the original goes to p[i]; rows are re-sorted by column after relabelling. */
    private static EpochInput permute(EpochInput in, int[] p) {
        int n = in.n();
        long[] stake = new long[n];
        long[] lu = new long[n];
        long[] bar = new long[n];
        long[] cb = new long[n];
        boolean[] permit = new boolean[n];
        for (int i = 0; i < n; i++) {
            stake[p[i]] = in.stake().get(i);
            lu[p[i]] = in.lastUpdate().get(i);
            bar[p[i]] = in.blockAtRegistration().get(i);
            cb[p[i]] = in.commitBlocks().get(i);
            permit[p[i]] = in.validatorPermit().get(i);
        }
        return new EpochInput(n, U64Vector.of(stake), permute(in.weights(), p), permute(in.bonds(), p), U64Vector.of(lu),
                U64Vector.of(bar), BoolVector.of(permit), in.currentBlock(), in.raoEmission(), U64Vector.of(cb));
    }

    private static SparseMatrix permute(SparseMatrix m, int[] p) {
        int n = m.rows();
        int[] inverse = new int[n];
        for (int i = 0; i < n; i++) {
            inverse[p[i]] = i;
        }
        SparseMatrix.Builder b = SparseMatrix.builder(n);
        for (int q = 0; q < n; q++) {
            for (var e : rowMap(m, inverse[q], p).entrySet()) {
                b.add(q, e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    private static Hyperparameters permute(Hyperparameters hp, int[] p) {
        OptionalInt owner = hp.ownerUid().isPresent() ? OptionalInt.of(p[hp.ownerUid().getAsInt()]) : OptionalInt.empty();
        return new Hyperparameters(hp.kappa(), hp.bondsPenalty(), hp.bondsMovingAverage(), hp.maxAllowedValidators(),
                hp.tempo(), hp.activityCutoffFactorMilli(), hp.yuma3(), hp.liquidAlpha(), hp.alphaLow(), hp.alphaHigh(),
                hp.alphaSigmoidSteepness(), hp.stakeThreshold(), owner, hp.commitRevealEnabled(), hp.lastMechanismStepBlock());
    }

    /** Row {@code i} as column → value, columns relabelled by {@code p} when given. */
    private static TreeMap<Integer, Long> rowMap(SparseMatrix m, int i, int[] p) {
        TreeMap<Integer, Long> row = new TreeMap<>();
        for (int k = 0; k < m.rowLength(i); k++) {
            int j = m.col(i, k);
            row.put(p == null ? j : p[j], m.value(i, k));
        }
        return row;
    }

    private static BigInteger sum(U64Vector v) {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < v.size(); i++) {
            s = s.add(unsigned(v.get(i)));
        }
        return s;
    }

    private static BigInteger unsigned(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }
}
