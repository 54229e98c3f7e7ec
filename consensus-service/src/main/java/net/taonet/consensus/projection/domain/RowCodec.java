package net.taonet.consensus.projection.domain;

import java.nio.ByteBuffer;

/**
 * Packs a sparse row of {@code (uid, u16 value)} entries into bytes and back: 4 bytes per entry, both
 * halves big-endian unsigned 16-bit, in the row's stored order (order is observable, spec §6.5).
 */
public final class RowCodec {

    public static final byte[] EMPTY = new byte[0];

    private RowCodec() {
    }

    public static byte[] encode(int[] uids, int[] values) {
        if (uids.length != values.length) {
            throw new IllegalArgumentException("uids and values differ in length");
        }
        ByteBuffer buf = ByteBuffer.allocate(uids.length * 4);
        for (int k = 0; k < uids.length; k++) {
            buf.putShort((short) checkU16(uids[k])).putShort((short) checkU16(values[k]));
        }
        return buf.array();
    }

    /** Decodes into {@code [uids, values]}. */
    public static int[][] decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new int[][] {new int[0], new int[0]};
        }
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("a packed row has 4 bytes per entry, got " + bytes.length);
        }
        int size = bytes.length / 4;
        int[] uids = new int[size];
        int[] values = new int[size];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        for (int k = 0; k < size; k++) {
            uids[k] = Short.toUnsignedInt(buf.getShort());
            values[k] = Short.toUnsignedInt(buf.getShort());
        }
        return new int[][] {uids, values};
    }

    /** Decodes into entry pairs {@code [[uid, value], ...]}. */
    public static int[][] decodePairs(byte[] bytes) {
        int[][] d = decode(bytes);
        int[][] pairs = new int[d[0].length][];
        for (int k = 0; k < pairs.length; k++) {
            pairs[k] = new int[] {d[0][k], d[1][k]};
        }
        return pairs;
    }

    public static byte[] encodePairs(int[][] pairs) {
        int[] uids = new int[pairs.length];
        int[] values = new int[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            uids[k] = pairs[k][0];
            values[k] = pairs[k][1];
        }
        return encode(uids, values);
    }

    private static int checkU16(int v) {
        if (v < 0 || v > 65535) {
            throw new IllegalArgumentException("not a u16: " + v);
        }
        return v;
    }
}
