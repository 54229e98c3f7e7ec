package net.taonet.identity;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin-alphabet base58, as SS58 uses it. */
final class Base58 {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];
    private static final BigInteger BASE = BigInteger.valueOf(58);

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, input);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET[qr[1].intValue()]);
            n = qr[0];
        }
        for (int i = 0; i < zeros; i++) {
            sb.append(ALPHABET[0]);
        }
        return sb.reverse().toString();
    }

    static byte[] decode(String input) {
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new InvalidAddressException("invalid base58 character '" + c + "'");
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] body = n.toByteArray();
        int strip = body.length > 1 && body[0] == 0 ? 1 : 0;
        if (n.signum() == 0) {
            body = new byte[0];
            strip = 0;
        }
        byte[] out = new byte[zeros + body.length - strip];
        System.arraycopy(body, strip, out, zeros, body.length - strip);
        return out;
    }
}
