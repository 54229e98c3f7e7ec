package net.taonet.cli.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.taonet.cli.CliException;

/**
 * {@code --uids} and {@code --weights} as the wire carries them (u16 lists). Weights written as integers are
 * sent as they are (each 0..65,535); weights with a decimal point (e.g. {@code 0.5,0.3,0.2}) are relative
 * and are max-upscaled as Bittensor's clients do: {@code round(w / max(w) × 65,535)}, half to even, exactly.
 */
record WeightVector(List<Integer> uids, List<Integer> weights) {

    private static final BigDecimal U16_MAX = BigDecimal.valueOf(65_535);

    static WeightVector parse(List<String> uidTexts, List<String> weightTexts) {
        if (uidTexts == null || uidTexts.isEmpty()) {
            throw CliException.usage("--uids needs at least one UID");
        }
        if (weightTexts == null || uidTexts.size() != weightTexts.size()) {
            throw CliException.usage("--uids has " + uidTexts.size() + " entries but --weights has "
                    + (weightTexts == null ? 0 : weightTexts.size()) + "; give one weight per UID");
        }
        List<Integer> uids = new ArrayList<>(uidTexts.size());
        Set<Integer> seen = new HashSet<>();
        for (String t : uidTexts) {
            int uid = u16(t, "--uids");
            if (!seen.add(uid)) {
                throw CliException.usage("--uids names UID " + uid + " twice");
            }
            uids.add(uid);
        }
        boolean relative = weightTexts.stream().anyMatch(t -> t.strip().contains("."));
        List<Integer> weights = new ArrayList<>(weightTexts.size());
        if (!relative) {
            for (String t : weightTexts) {
                weights.add(u16(t, "--weights"));
            }
            return new WeightVector(List.copyOf(uids), List.copyOf(weights));
        }
        List<BigDecimal> values = new ArrayList<>(weightTexts.size());
        for (String t : weightTexts) {
            String s = t.strip();
            if (!s.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
                throw CliException.usage("--weights: not a non-negative number: '" + t + "'");
            }
            values.add(new BigDecimal(s));
        }
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
        if (max.signum() == 0) {
            throw CliException.usage("--weights are all zero");
        }
        for (BigDecimal v : values) {
            weights.add(v.multiply(U16_MAX).divide(max, 0, RoundingMode.HALF_EVEN).intValueExact());
        }
        return new WeightVector(List.copyOf(uids), List.copyOf(weights));
    }

    private static int u16(String text, String option) {
        String s = text.strip();
        if (!s.matches("\\d{1,5}") || Integer.parseInt(s) > 65_535) {
            throw CliException.usage(option + ": not a u16 (0..65535): '" + text + "'");
        }
        return Integer.parseInt(s);
    }
}
