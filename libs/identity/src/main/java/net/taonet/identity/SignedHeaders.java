package net.taonet.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The three headers that carry a request's signature (DESIGN §6). */
public record SignedHeaders(String signer, long nonce, String signature) {

    /** Header name → value, in a stable order, ready to add to an outgoing request. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SignedRequests.SIGNER_HEADER, signer);
        headers.put(SignedRequests.NONCE_HEADER, Long.toString(nonce));
        headers.put(SignedRequests.SIGNATURE_HEADER, signature);
        return headers;
    }
}
