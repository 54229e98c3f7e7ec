package net.taonet.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The wire format of a signed request (DESIGN §6), shared by every client and every verifier.
 *
 * <p>The signed message is the UTF-8 string
 * <pre>
 * METHOD + "\n" + path + "\n" + nonce + "\n" + sha256hex(body)
 * </pre>
 * where {@code METHOD} is the upper-case HTTP method, {@code path} is the raw (still percent-encoded)
 * request path exactly as it appears on the request line, followed by {@code "?"} and the raw query
 * string when the request has one (no {@code "?"} when it has none), {@code nonce} is the decimal
 * {@code X-Taonet-Nonce} value and {@code sha256hex(body)} is the lower-case hex SHA-256 of the exact
 * body bytes (of the empty byte string when there is no body:
 * {@code e3b0c442...b855}). The signature is ed25519 over those bytes, base64 (standard alphabet, padded).
 */
public final class SignedRequests {

    /** The SS58 address of the signing key. */
    public static final String SIGNER_HEADER = "X-Taonet-Signer";
    /** Milliseconds since the epoch, strictly increasing per signer, within the verifier's freshness window. */
    public static final String NONCE_HEADER = "X-Taonet-Nonce";
    /** Base64 ed25519 signature of the canonical string. */
    public static final String SIGNATURE_HEADER = "X-Taonet-Signature";

    private static final byte[] EMPTY = new byte[0];

    private SignedRequests() {
    }

    /** The canonical string of a request, as text (for logs and documentation). */
    public static String canonicalString(String method, String pathAndQuery, long nonce, byte[] body) {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("an HTTP method is required");
        }
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/': " + pathAndQuery);
        }
        return method.toUpperCase(Locale.ROOT) + "\n" + pathAndQuery + "\n" + nonce + "\n" + sha256Hex(body);
    }

    /** The bytes that are signed. */
    public static byte[] canonicalBytes(String method, String pathAndQuery, long nonce, byte[] body) {
        return canonicalString(method, pathAndQuery, nonce, body).getBytes(StandardCharsets.UTF_8);
    }

    /** The signed path of a URI: its raw path ({@code /} if empty) plus {@code ?rawQuery} when it has a query. */
    public static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return pathAndQuery(path, uri.getRawQuery());
    }

    /** {@code rawPath} plus {@code ?rawQuery} when {@code rawQuery} is not null (an empty query keeps its {@code ?}). */
    public static String pathAndQuery(String rawPath, String rawQuery) {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    public static String sha256Hex(byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(body == null ? EMPTY : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
