package net.taonet.platform.security;

import net.taonet.platform.problem.ApiProblem;

/**
 * The SS58 address whose signature on this request was verified. Controllers check ownership with
 * {@link #requireIs(String, String)}: a valid signer acting on what it does not own is 403.
 */
public record VerifiedSigner(String address) {

    public void requireIs(String owner, String what) {
        if (!address.equals(owner)) {
            throw ApiProblem.forbidden("not-owner", "the request is signed by " + address + ", which does not own " + what);
        }
    }
}
