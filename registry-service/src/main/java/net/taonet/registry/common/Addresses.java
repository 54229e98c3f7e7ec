package net.taonet.registry.common;

import net.taonet.identity.Ss58;
import net.taonet.platform.problem.ApiProblem;

/** Input checks shared by the features: bad input is a 400 that names the field. */
public final class Addresses {

    private Addresses() {
    }

    public static String require(String address, String field) {
        if (address == null || address.isBlank()) {
            throw ApiProblem.badRequest("invalid-address", field + " is required (an SS58 address)")
                    .with("field", field);
        }
        if (!Ss58.isValid(address)) {
            throw ApiProblem.badRequest("invalid-address", field + " is not a valid SS58 address: '" + abbreviate(address) + "'")
                    .with("field", field);
        }
        return address;
    }

    public static int requireNetuid(int netuid) {
        if (netuid < 0 || netuid > 65_535) {
            throw ApiProblem.badRequest("invalid-netuid", "netuid must be within 0..65535");
        }
        return netuid;
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
