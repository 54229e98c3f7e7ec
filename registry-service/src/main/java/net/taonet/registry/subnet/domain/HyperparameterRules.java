package net.taonet.registry.subnet.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Who may change which hyperparameter, to what, and when (spec/protocol.md §8). Pure: no I/O.
 *
 * <p>Ranges (inclusive; "owner" bounds apply to owners, the admin gets the wider one):
 * <pre>
 * tempo                         min_tempo (network, 360) – 50,400
 * immunity_period               0 – 65,535 blocks
 * min_allowed_weights           0 – max_allowed_uids
 * max_weights_limit             0 – 65,535                       admin
 * max_allowed_uids              neurons now (≥ 1) – 256; owner: down only (≤ current)
 * max_allowed_validators        1 – max_allowed_uids             admin
 * weights_rate_limit            0 – 1,000,000 blocks             admin
 * weights_version_key           0 – 2^63−1; owner: once per 5 tempos
 * reveal_period                 1 – 100 epochs
 * kappa, bonds_penalty          0 – 65,535                       kappa: admin
 * bonds_moving_average          0 – 1,000,000; owner ≤ 975,000
 * alpha_low / alpha_high        1 – 52,427 / 52,428 – 65,535 (subtensor's bounds, so low &lt; high)
 * alpha_sigmoid_steepness       0 – 32,767; admin −32,768 – 32,767
 * activity_cutoff_factor_milli  1 – 1,000,000
 * stake_threshold               0 – 21,000,000 TAO in rao        admin
 * min_burn                      500 rao (the existential deposit, the least the ledger charges) – max_burn
 * max_burn                      max(min_burn, 500) – 21,000,000 TAO in rao
 * burn_half_life                1 – 65,535 blocks
 * burn_increase_mult_milli      1,000 – 10,000 (×1 – ×10)
 * min_non_immune_uids           0 – max_allowed_uids             admin
 * booleans                      true / false                     registration_allowed: admin
 * </pre>
 * An owner changes each parameter at most once per two tempos ({@code weights_version_key}: five), never
 * while the subnet's next epoch is 10 blocks away or fewer. The admin has no rate limit and no freeze.
 */
public final class HyperparameterRules {

    public static final int MAX_TEMPO = 50_400;
    public static final int HARD_MAX_UIDS = 256;
    public static final long OWNER_MAX_BONDS_MOVING_AVERAGE = 975_000;
    public static final long FREEZE_WINDOW_BLOCKS = 10;
    public static final long MAX_SUPPLY_RAO = 21_000_000L * 1_000_000_000L;
    public static final long EXISTENTIAL_DEPOSIT_RAO = 500;

    private HyperparameterRules() {
    }

    /** What the rules need besides the parameter: the subnet now and who asks. */
    public record Context(int netuid, Hyperparameters current, int neuronCount, int minTempo, boolean admin) {
    }

    /** An inclusive range. */
    public record Range(long min, long max) {
        public boolean contains(long v) {
            return v >= min && v <= max;
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("min", min);
            m.put("max", max);
            return m;
        }
    }

    /** The allowed range of an integer parameter, or null for a boolean one. */
    public static Range range(Hyperparameter p, Context ctx) {
        Hyperparameters h = ctx.current();
        boolean admin = ctx.admin();
        return switch (p) {
            case TEMPO -> new Range(ctx.minTempo(), MAX_TEMPO);
            case IMMUNITY_PERIOD, MAX_WEIGHTS_LIMIT, KAPPA, BONDS_PENALTY, BURN_HALF_LIFE ->
                    new Range(p == Hyperparameter.BURN_HALF_LIFE ? 1 : 0, 65_535);
            case MIN_ALLOWED_WEIGHTS, MIN_NON_IMMUNE_UIDS -> new Range(0, h.maxAllowedUids());
            case MAX_ALLOWED_UIDS -> new Range(Math.max(1, ctx.neuronCount()), admin ? HARD_MAX_UIDS
                    : Math.max(Math.max(1, ctx.neuronCount()), h.maxAllowedUids()));
            case MAX_ALLOWED_VALIDATORS -> new Range(1, h.maxAllowedUids());
            case WEIGHTS_RATE_LIMIT -> new Range(0, 1_000_000);
            case WEIGHTS_VERSION_KEY -> new Range(0, Long.MAX_VALUE);
            case REVEAL_PERIOD -> new Range(1, 100);
            case BONDS_MOVING_AVERAGE -> new Range(0, admin ? 1_000_000 : OWNER_MAX_BONDS_MOVING_AVERAGE);
            case ALPHA_LOW -> new Range(1, 52_427);
            case ALPHA_HIGH -> new Range(52_428, 65_535);
            case ALPHA_SIGMOID_STEEPNESS -> new Range(admin ? -32_768 : 0, 32_767);
            case ACTIVITY_CUTOFF_FACTOR_MILLI -> new Range(1, 1_000_000);
            case STAKE_THRESHOLD -> new Range(0, MAX_SUPPLY_RAO);
            case MIN_BURN -> new Range(EXISTENTIAL_DEPOSIT_RAO, h.maxBurn());
            case MAX_BURN -> new Range(Math.max(h.minBurn(), EXISTENTIAL_DEPOSIT_RAO), MAX_SUPPLY_RAO);
            case BURN_INCREASE_MULT_MILLI -> new Range(1_000, 10_000);
            case COMMIT_REVEAL_ENABLED, YUMA3_ENABLED, LIQUID_ALPHA_ENABLED, REGISTRATION_ALLOWED -> null;
        };
    }

    public static boolean isBoolean(Hyperparameter p) {
        return component(p).getType() == boolean.class;
    }

    /** Blocks an owner must wait between two changes of {@code p}. */
    public static long ownerRateLimit(Hyperparameter p, Hyperparameters current) {
        return (p == Hyperparameter.WEIGHTS_VERSION_KEY ? 5L : 2L) * current.tempo();
    }

    /**
     * Checks who asks, when, and the value; returns the hyperparameters with the change applied.
     *
     * @param lastOwnerChange the block of the owner's last change of {@code p}, or null
     */
    public static Hyperparameters change(Hyperparameter p, Object rawValue, Context ctx, long block, Long lastOwnerChange) {
        if (!ctx.admin()) {
            if (!p.ownerMayChange()) {
                throw ApiProblem.forbidden("admin-only-hyperparameter", p.wireName()
                        + " may be changed only by the network's admin (header X-Taonet-Admin-Key)")
                        .with("hyperparameter", p.wireName());
            }
            int tempo = ctx.current().tempo();
            long untilEpoch = EpochSchedule.blocksUntilNextEpoch(ctx.netuid(), tempo, block);
            if (untilEpoch <= FREEZE_WINDOW_BLOCKS) {
                long epochBlock = block + untilEpoch;
                throw ApiProblem.conflict("hyperparameter-freeze-window", "the subnet's epoch runs at block "
                        + epochBlock + "; owners cannot change hyperparameters in the last " + FREEZE_WINDOW_BLOCKS
                        + " blocks before it").with("epochBlock", epochBlock).with("allowedFromBlock", epochBlock);
            }
            long limit = ownerRateLimit(p, ctx.current());
            if (lastOwnerChange != null && block - lastOwnerChange < limit) {
                long next = lastOwnerChange + limit;
                throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "hyperparameter-rate-limited", "Too many requests",
                        p.wireName() + " was changed at block " + lastOwnerChange + "; an owner may change it again at block "
                                + next).with("hyperparameter", p.wireName()).with("lastChangeBlock", lastOwnerChange)
                        .with("nextAllowedBlock", next);
            }
        }
        Object value = parse(p, rawValue, ctx);
        return with(ctx.current(), p, value);
    }

    /** The value of {@code p} in {@code h}. */
    public static Object get(Hyperparameters h, Hyperparameter p) {
        try {
            return component(p).getAccessor().invoke(h);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code h} with {@code p} set to {@code value} (already parsed). */
    public static Hyperparameters with(Hyperparameters h, Hyperparameter p, Object value) {
        RecordComponent[] components = Hyperparameters.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals(p.component()) ? value : components[i].getAccessor().invoke(h);
            }
            Constructor<Hyperparameters> canonical = Hyperparameters.class.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(Hyperparameter p, Object raw, Context ctx) {
        Class<?> type = component(p).getType();
        if (type == boolean.class) {
            if (raw instanceof Boolean b) {
                return b;
            }
            if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            throw ApiProblem.badRequest("invalid-hyperparameter-value", p.wireName() + " takes true or false")
                    .with("hyperparameter", p.wireName());
        }
        long v = integral(p, raw);
        Range range = range(p, ctx);
        if (!range.contains(v)) {
            String who = ctx.admin() ? "" : " for the subnet's owner";
            throw ApiProblem.unprocessable("hyperparameter-out-of-range", p.wireName() + " must be within "
                    + range.min() + ".." + range.max() + who + "; got " + v)
                    .with("hyperparameter", p.wireName()).with("allowedRange", range.asMap());
        }
        if (type == int.class) {
            return (int) v;
        }
        return v;
    }

    private static long integral(Hyperparameter p, Object raw) {
        try {
            BigDecimal d;
            if (raw instanceof Number n && !(raw instanceof Double) && !(raw instanceof Float)) {
                d = n instanceof BigDecimal bd ? bd : new BigDecimal(n instanceof BigInteger bi ? bi : BigInteger.valueOf(n.longValue()));
            } else if (raw instanceof Double || raw instanceof Float) {
                d = BigDecimal.valueOf(((Number) raw).doubleValue());
            } else if (raw instanceof String s) {
                d = new BigDecimal(s.trim());
            } else {
                throw new NumberFormatException();
            }
            return d.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-hyperparameter-value", p.wireName() + " takes a whole number")
                    .with("hyperparameter", p.wireName());
        }
    }

    private static RecordComponent component(Hyperparameter p) {
        for (RecordComponent c : Hyperparameters.class.getRecordComponents()) {
            if (c.getName().equals(p.component())) {
                return c;
            }
        }
        throw new IllegalStateException("Hyperparameters has no component " + p.component());
    }
}
