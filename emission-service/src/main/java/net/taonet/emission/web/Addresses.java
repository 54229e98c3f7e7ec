package net.taonet.emission.web;

import net.taonet.identity.Ss58;
import net.taonet.platform.problem.ApiProblem;

/** SS58 address checks for request fields: a malformed address is a 400 {@code invalid-address}. */
public final class Addresses {

    private Addresses() {
    }

    public static String require(String address, String field) {
        if (address == null || address.isBlank()) {
            throw ApiProblem.badRequest("invalid-address", field + " is required (an SS58 address)").with("field", field);
        }
        try {
            Ss58.decode(address);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-address", field + ": " + e.getMessage()).with("field", field);
        }
        return address;
    }

    public static long requireAmount(Long amount, String field) {
        if (amount == null) {
            throw ApiProblem.badRequest("invalid-amount", field + " is required (rao, a positive integer)").with("field", field);
        }
        if (amount <= 0) {
            throw ApiProblem.badRequest("invalid-amount", field + " must be positive; got " + amount).with("field", field);
        }
        return amount;
    }

    public static int requireNetuid(Integer netuid) {
        if (netuid == null || netuid < 0 || netuid > 65_535) {
            throw ApiProblem.badRequest("invalid-netuid", "netuid is required, within 0..65535");
        }
        return netuid;
    }
}
