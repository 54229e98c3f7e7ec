package net.taonet.yuma.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import net.taonet.yuma.fixed.FixedExp;
import net.taonet.yuma.fixed.I32F32;
import net.taonet.yuma.fixed.I64F64;
import net.taonet.yuma.fixed.I96F32;
import net.taonet.yuma.vectors.Resources;
import tools.jackson.databind.JsonNode;

/** {@code unit_math.json}: the helper functions against subtensor's own math tests. */
class UnitMathVectorsTest {

    @TestFactory
    Stream<DynamicTest> unitMath() {
        JsonNode doc = Resources.read(Resources.dir("vectors").resolve("unit_math.json"));
        List<DynamicTest> tests = new ArrayList<>();
        int k = 0;
        for (JsonNode c : doc.get("cases")) {
            String name = (k++) + " " + c.get("group").asString() + ": " + c.get("function").asString();
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        assertThat(tests).hasSize(78);
        return tests.stream();
    }

    private static void check(JsonNode c) {
        JsonNode in = c.get("inputs");
        JsonNode ex = c.get("expected");
        String fn = c.get("function").asString();
        switch (c.get("group").asString()) {
            case "weighted_median" -> {
                long[] stake = bits(in.get("stake_bits"));
                long[] score = bits(in.get("score_bits"));
                long minority = I32F32.ONE - f32(in.get("majority_f32"));
                int[] idx = new int[stake.length];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = i;
                }
                long r = YumaMath.weightedMedian(stake, score, 0, idx, idx.length, minority, 0, YumaMath.sum(stake));
                assertThat(r).isEqualTo(ex.get("median_bits").asLong());
            }
            case "weighted_median_col" -> {
                int rows = in.get("rows").asInt();
                int cols = in.get("cols").asInt();
                long[] stake = f32s(in.get("stake_f32"));
                long[][] w = matrix(f32s(in.get("weights_row_major_f32")), rows, cols);
                long kappa = f32(in.get("majority_f32"));
                long[] expected = f32s(ex.get("median_f32"));
                assertThat(YumaMath.weightedMedianCol(stake, w, cols, kappa)).containsExactly(expected);
                assertThat(YumaMath.weightedMedianColSparse(stake, sparse(w), cols, kappa)).containsExactly(expected);
            }
            case "col_clip" -> {
                int rows = in.get("rows").asInt();
                int cols = in.get("cols").asInt();
                long[][] m = matrix(f32s(in.get("matrix_row_major_f32")), rows, cols);
                long[] t = f32s(in.get("thresholds_f32"));
                long[][] expected = matrix(f32s(ex.get("result_row_major_f32")), rows, cols);
                assertThat(YumaMath.colClipDense(m, t)).isDeepEqualTo(expected);
                assertThat(dense(YumaMath.colClipSparse(sparse(m), t), cols)).isDeepEqualTo(expected);
            }
            case "row_normalize" -> {
                int rows = in.get("rows").asInt();
                int cols = in.get("cols").asInt();
                long[][] m = matrix(f32s(in.get("matrix_row_major_f32")), rows, cols);
                long[][] expected = matrix(f32s(ex.get("result_row_major_f32")), rows, cols);
                long tol = I32F32.fromDouble(0.0001);
                Rows s = sparse(m);
                for (int i = 0; i < rows; i++) {
                    YumaMath.rowNormalizeSparse(s.val[i], s.len[i]);
                }
                assertClose(dense(s, cols), expected, tol);
                if (!fn.contains("zeros are absent")) {
                    YumaMath.rowNormalizeDense(m);
                    assertClose(m, expected, tol);
                }
            }
            case "col_normalize" -> {
                long[][] m = nested(in.get("matrix_f32"));
                long[][] expected = nested(ex.get("result_f32"));
                long tol = I32F32.fromDouble(0.0001);
                Rows s = sparse(m);
                s.colNormalize(m[0].length);
                assertClose(dense(s, m[0].length), expected, tol);
                YumaMath.colNormalizeDense(m);
                assertClose(m, expected, tol);
            }
            case "col_max_upscale" -> {
                long[] v = f32s(in.get("source_row_major_f32"));
                long[] e = f32s(ex.get("result_source_layout_f32"));
                int rows = 4;
                int cols = v.length / rows;
                long[][] m = new long[cols][rows]; // vec_to_mat_fixed(v, 4, transpose = true)
                long[][] expected = new long[cols][rows];
                for (int r = 0; r < rows; r++) {
                    for (int col = 0; col < cols; col++) {
                        m[col][r] = v[r * cols + col];
                        expected[col][r] = e[r * cols + col];
                    }
                }
                long tol = I32F32.fromDouble(0.0001);
                Rows s = sparse(m);
                s.colMaxUpscale(rows);
                assertClose(dense(s, rows), expected, tol);
                YumaMath.colMaxUpscaleDense(m);
                assertClose(m, expected, tol);
            }
            case "vec_max_upscale_to_u16" -> {
                long[] v = in.has("values_bits") ? bits(in.get("values_bits")) : f32s(in.get("values_f32"));
                assertThat(YumaMath.vecMaxUpscaleToU16(v)).containsExactly(ints(ex.get("u16")));
            }
            case "vec_u16_max_upscale_to_u16" ->
                    assertThat(YumaMath.vecU16MaxUpscaleToU16(ints(in.get("u16")))).containsExactly(ints(ex.get("u16")));
            case "fixed_point_conversion" -> assertThat(conversion(fn)).isEqualTo(ex.get("bits_or_int").bigIntegerValue());
            case "exp_sigmoid" -> {
                long[] x = in.has("x_bits") ? bits(in.get("x_bits")) : f32s(in.get("x_f32"));
                long rho;
                long kappa;
                if (in.has("rho_bits")) {
                    rho = in.get("rho_bits").asLong();
                    kappa = in.get("kappa_bits").asLong();
                } else {
                    rho = I32F32.fromInt(fn.contains("rho=30") ? 30 : 40);
                    kappa = I32F32.HALF;
                }
                long[] expected = bits(ex.get("result_bits"));
                for (int i = 0; i < x.length; i++) {
                    assertThat(FixedExp.sigmoidSafe(x[i], rho, kappa)).as("x bits %d", x[i]).isEqualTo(expected[i]);
                }
            }
            case "topk" -> {
                boolean[] r = YumaMath.topkNonzero(f32s(in.get("values_f32")), in.get("k").asInt());
                JsonNode e = ex.get("result");
                for (int i = 0; i < r.length; i++) {
                    assertThat(r[i]).as("index %d", i).isEqualTo(e.get(i).booleanValue());
                }
            }
            case "mat_ema_alpha" -> matEmaAlpha(fn, in, ex);
            case "interpolate" -> interpolate(fn, in, ex);
            default -> throw new AssertionError("unknown group " + c.get("group"));
        }
    }

    private static void matEmaAlpha(String fn, JsonNode in, JsonNode ex) {
        if (fn.startsWith("mat_ema_alpha(new, old, alpha)")) {
            int rows = in.get("rows").asInt();
            int cols = in.get("cols").asInt();
            long[][] fresh = matrix(f32s(in.get("new_row_major_f32")), rows, cols);
            long[][] old = matrix(f32s(in.get("old_row_major_f32")), rows, cols);
            long[][] alpha = filled(rows, cols, f32(in.get("alpha_all_f32")));
            assertClose(YumaMath.emaAlphaDense(fresh, old, alpha),
                    matrix(f32s(ex.get("result_row_major_f32")), rows, cols), I32F32.fromDouble(1e-4));
        } else if (fn.equals("mat_ema_alpha_sparse")) {
            int rows = in.get("rows").asInt();
            int cols = in.get("cols").asInt();
            long[][] fresh = matrix(f32s(in.get("new_row_major_f32")), rows, cols);
            long[][] old = matrix(f32s(in.get("old_row_major_f32")), rows, cols);
            long[][] alpha = filled(rows, rows, f32(in.get("alpha_all_f32")));
            Rows r = YumaMath.emaAlphaSparse(sparse(fresh), sparse(old), alpha);
            assertClose(dense(r, cols), matrix(f32s(ex.get("result_row_major_f32")), rows, cols), I32F32.fromDouble(1e-4));
        } else if (fn.startsWith("mat_ema_alpha_sparse: an old bond")) {
            Rows fresh = sparseRows(in.get("new_sparse"), true);
            Rows old = sparseRows(in.get("old_sparse"), true);
            long[][] alpha = filled(fresh.rows(), fresh.rows(), f32(in.get("alpha_all_f32")));
            Rows r = YumaMath.emaAlphaSparse(fresh, old, alpha);
            Rows expected = sparseRows(ex.get("result_sparse"), false);
            long tol = I32F32.fromDouble(1e-6);
            for (int i = 0; i < r.rows(); i++) {
                assertThat(r.len[i]).isEqualTo(expected.len[i]);
                for (int k = 0; k < r.len[i]; k++) {
                    assertThat(r.col[i][k]).isEqualTo(expected.col[i][k]);
                    assertThat(Math.abs(r.val[i][k] - expected.val[i][k])).isLessThanOrEqualTo(tol);
                }
            }
        } else if (fn.equals("mat_ema_alpha_sparse with per-entry alpha")) {
            Rows fresh = sparseRows(in.get("weights"), false);
            Rows old = sparseRows(in.get("bonds"), false);
            long[][] alpha = nestedF64(in.get("alpha"));
            Rows r = YumaMath.emaAlphaSparse(fresh, old, alpha);
            Rows expected = sparseRows(ex.get("result"), false);
            long tol = I32F32.fromDouble(1e-6);
            for (int i = 0; i < r.rows(); i++) {
                assertThat(r.len[i]).isEqualTo(expected.len[i]);
                for (int k = 0; k < r.len[i]; k++) {
                    assertThat(r.col[i][k]).isEqualTo(expected.col[i][k]);
                    assertThat(Math.abs(r.val[i][k] - expected.val[i][k])).isLessThanOrEqualTo(tol);
                }
            }
        } else if (fn.startsWith("mat_ema_alpha basic")) {
            long[][] fresh = nestedF64(in.get("new"));
            long[][] old = nestedF64(in.get("old"));
            long[][] alpha = filled(fresh.length, fresh[0].length, I32F32.fromDouble(in.get("alpha").asDouble()));
            assertThat(YumaMath.emaAlphaDense(fresh, old, alpha)).isDeepEqualTo(nestedF64(ex.get("result")));
        } else {
            throw new AssertionError("unknown case " + fn);
        }
    }

    private static void interpolate(String fn, JsonNode in, JsonNode ex) {
        if (fn.startsWith("interpolate_sparse")) {
            int rows = in.get("rows").asInt();
            int cols = in.get("cols").asInt();
            long[][] m1 = matrix(f32s(in.get("m1_row_major_f32")), rows, cols);
            long[][] m2 = matrix(f32s(in.get("m2_row_major_f32")), rows, cols);
            long ratio = I32F32.fromDouble(in.get("ratio_f64").asDouble());
            long[][] expected = matrix(f32s(ex.get("result_row_major_f32")), rows, cols);
            assertClose(dense(YumaMath.interpolateSparse(sparse(m1), sparse(m2), cols, ratio), cols), expected,
                    I32F32.fromDouble(0.0001));
            assertClose(YumaMath.interpolateDense(m1, m2, ratio), expected, I32F32.fromDouble(0.0001));
        } else {
            JsonNode ratios = in.get("ratios_f64");
            for (int i = 0; i < ratios.size(); i++) {
                long ratio = I32F32.fromDouble(ratios.get(i).asDouble());
                long[][] zeros = filled(3, 3, 0);
                long[][] ones = filled(3, 3, I32F32.ONE);
                long expected = I32F32.fromFloat((float) ex.get("results_f32").get(i).asDouble());
                assertThat(YumaMath.interpolateDense(zeros, ones, ratio)).isDeepEqualTo(filled(3, 3, expected));
                assertThat(dense(YumaMath.interpolateSparse(sparse(zeros), sparse(ones), 3, ratio), 3))
                        .isDeepEqualTo(filled(3, 3, expected));
            }
        }
    }

    /** The fixed-point conversion cases, keyed by their description. */
    private static BigInteger conversion(String fn) {
        long r;
        switch (fn) {
            case "I64F64 1 / 21e15 -> I32F32" ->
                    r = I64F64.toI32F32(I64F64.safeDiv(I64F64.fromInt(1), I64F64.fromInt(21_000_000_000_000_000L)));
            case "I64F64 4_889_444 / 21e15 -> I32F32 equals I32F32::from_num(0.0000000002)" ->
                    r = I64F64.toI32F32(I64F64.safeDiv(I64F64.fromInt(4_889_444), I64F64.fromInt(21_000_000_000_000_000L)));
            case "I64F64 10.5e15 / 21e15 -> I32F32 = 0.5" ->
                    r = I64F64.toI32F32(I64F64.safeDiv(I64F64.fromInt(10_500_000_000_000_000L), I64F64.fromInt(21_000_000_000_000_000L)));
            case "1 - I32F32(I64F64(900000)/I64F64(1e6)) == I32F32::from_num(0.1)" ->
                    r = I32F32.saturatingSub(I32F32.ONE, I64F64.toI32F32(I64F64.safeDiv(I64F64.fromInt(900_000), I64F64.fromInt(1_000_000))));
            case "I64F64(u32::MAX) -> I32F32 saturates to I32F32::MAX" -> r = I64F64.toI32F32(I64F64.fromInt(0xFFFF_FFFFL));
            case "I64F64(i64::MAX) -> I32F32 saturates" -> r = I64F64.toI32F32(I64F64.fromInt(Long.MAX_VALUE));
            case "fixed_proportion_to_u16(I32F32 65535) saturates to 65535" -> r = I32F32.toU16Proportion(I32F32.fromInt(65535));
            case "fixed_proportion_to_u16(0)" -> r = I32F32.toU16Proportion(0);
            case "fixed_to_u64(I32F32 -1) saturates to 0" -> r = I32F32.toU64(-I32F32.ONE);
            case "I96F32(u64::MAX).to_num::<u64>() == u64::MAX" ->
                    r = I96F32.toU64(I96F32.fromU64(-1L));
            case "kappa 32767 -> I32F32 = 32767/65535 (truncated)" -> r = I32F32.fromU16Proportion(32767);
            case "alpha_low 6553 from set_alpha_values_32(0.1, 0.3)" -> r = I32F32.toU16Proportion(I32F32.fromFloat(0.1f));
            case "alpha_high 19660 from set_alpha_values_32(0.1, 0.3)" -> r = I32F32.toU16Proportion(I32F32.fromFloat(0.3f));
            default -> throw new AssertionError("unknown conversion case " + fn);
        }
        return new BigInteger(fn.startsWith("I96F32(u64::MAX)") ? Long.toUnsignedString(r) : Long.toString(r));
    }

    // ------------------------------------------------------------------ helpers

    private static long f32(JsonNode x) {
        return I32F32.fromFloat((float) x.asDouble());
    }

    private static long[] f32s(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f32(a.get(i));
        }
        return out;
    }

    private static long[] bits(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static long[][] matrix(long[] v, int rows, int cols) {
        long[][] m = new long[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(v, i * cols, m[i], 0, cols);
        }
        return m;
    }

    private static long[][] nested(JsonNode a) {
        long[][] m = new long[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = f32s(a.get(i));
        }
        return m;
    }

    private static long[][] nestedF64(JsonNode a) {
        long[][] m = new long[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new long[a.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = I32F32.fromDouble(a.get(i).get(j).asDouble());
            }
        }
        return m;
    }

    private static long[][] filled(int rows, int cols, long v) {
        long[][] m = new long[rows][cols];
        for (long[] row : m) {
            java.util.Arrays.fill(row, v);
        }
        return m;
    }

    /** Sparse rows of the non-zero cells, in column order. */
    private static Rows sparse(long[][] m) {
        Rows r = new Rows(m.length);
        for (int i = 0; i < m.length; i++) {
            int[] c = new int[m[i].length];
            long[] v = new long[m[i].length];
            int k = 0;
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] != 0) {
                    c[k] = j;
                    v[k++] = m[i][j];
                }
            }
            r.set(i, c, v, k);
        }
        return r;
    }

    private static Rows sparseRows(JsonNode a, boolean f32) {
        Rows r = new Rows(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode row = a.get(i);
            int[] c = new int[row.size()];
            long[] v = new long[row.size()];
            for (int k = 0; k < row.size(); k++) {
                c[k] = row.get(k).get(0).asInt();
                double x = row.get(k).get(1).asDouble();
                v[k] = f32 ? I32F32.fromFloat((float) x) : I32F32.fromDouble(x);
            }
            r.set(i, c, v, c.length);
        }
        return r;
    }

    private static long[][] dense(Rows r, int cols) {
        long[][] m = new long[r.rows()][cols];
        for (int i = 0; i < r.rows(); i++) {
            for (int k = 0; k < r.len[i]; k++) {
                m[i][r.col[i][k]] = r.val[i][k];
            }
        }
        return m;
    }

    private static void assertClose(long[][] actual, long[][] expected, long tol) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual[i].length; j++) {
                assertThat(Math.abs(actual[i][j] - expected[i][j])).as("cell (%d, %d): %d vs %d", i, j,
                        actual[i][j], expected[i][j]).isLessThanOrEqualTo(tol);
            }
        }
    }
}
