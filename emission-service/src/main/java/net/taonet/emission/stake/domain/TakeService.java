package net.taonet.emission.stake.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.taonet.emission.EmissionProperties;
import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The delegate take of hotkeys (spec §2, §5). */
@Service
public class TakeService {

    public static final int MAX_TAKE = 11_796;
    public static final int DEFAULT_TAKE = 11_796;

    private final JdbcTemplate jdbc;
    private final NetworkDirectory network;
    private final BlockClock clock;
    private final long increaseRateLimit;

    public TakeService(JdbcTemplate jdbc, NetworkDirectory network, BlockClock clock, EmissionProperties props) {
        this.jdbc = jdbc;
        this.network = network;
        this.clock = clock;
        this.increaseRateLimit = props.takeIncreaseRateLimitBlocks();
    }

    /** A hotkey's take and when it last changed ({@code null}: never). */
    public record Take(String hotkey, String ownerColdkey, int take, Long lastChangeBlock, Long increaseAllowedFromBlock) {
    }

    public Take take(String hotkey) {
        String owner = network.ownerOf(hotkey).orElse(null);
        var rows = jdbc.queryForList("SELECT take, last_change_block FROM hotkey_take WHERE hotkey = ?", hotkey);
        if (rows.isEmpty()) {
            return new Take(hotkey, owner, DEFAULT_TAKE, null, null);
        }
        int take = ((Number) rows.get(0).get("take")).intValue();
        Number last = (Number) rows.get(0).get("last_change_block");
        return last == null ? new Take(hotkey, owner, take, null, null)
                : new Take(hotkey, owner, take, last.longValue(), last.longValue() + increaseRateLimit);
    }

    public Map<String, Integer> takes(Collection<String> hotkeys) {
        Map<String, Integer> out = new HashMap<>();
        hotkeys.forEach(h -> out.put(h, DEFAULT_TAKE));
        if (!hotkeys.isEmpty()) {
            jdbc.query("SELECT hotkey, take FROM hotkey_take WHERE hotkey = ANY(?)",
                    rs -> {
                        out.put(rs.getString(1), rs.getInt(2));
                    }, new SqlArrayValue("varchar", hotkeys.toArray()));
        }
        return out;
    }

    /** Sets the take; {@code signerColdkey} must own the hotkey. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Take setTake(String hotkey, int newTake, String signerColdkey) {
        if (newTake < 0 || newTake > MAX_TAKE) {
            throw ApiProblem.badRequest("take-out-of-range", "take must be within 0.." + MAX_TAKE + " (0–18 %); got "
                    + newTake).with("min", 0).with("max", MAX_TAKE);
        }
        Optional<String> owner = network.ownerOf(hotkey);
        if (owner.isEmpty()) {
            throw ApiProblem.notFound("unknown-hotkey", "hotkey " + hotkey + " is not registered on any subnet");
        }
        if (!owner.get().equals(signerColdkey)) {
            throw ApiProblem.forbidden("not-owner", "hotkey " + hotkey + " belongs to " + owner.get()
                    + ", not to the signer " + signerColdkey);
        }
        long block = clock.currentBlock();
        // Lock the hotkey's take row (created at the default if absent) so concurrent changes serialise.
        jdbc.update("INSERT INTO hotkey_take (hotkey, take, last_change_block) VALUES (?, ?, NULL) ON CONFLICT DO NOTHING",
                hotkey, DEFAULT_TAKE);
        var row = jdbc.queryForMap("SELECT take, last_change_block FROM hotkey_take WHERE hotkey = ? FOR UPDATE", hotkey);
        int current = ((Number) row.get("take")).intValue();
        Number lastChange = (Number) row.get("last_change_block");
        long last = lastChange == null ? Long.MIN_VALUE / 2 : lastChange.longValue();
        if (newTake > current && block - last < increaseRateLimit) {
            throw ApiProblem.unprocessable("take-rate-limited", "the take of " + hotkey + " may increase again at block "
                    + (last + increaseRateLimit) + " (now " + block + ")").with("allowedFromBlock", last + increaseRateLimit);
        }
        if (newTake != current) {
            jdbc.update("UPDATE hotkey_take SET take = ?, last_change_block = ? WHERE hotkey = ?", newTake, block, hotkey);
        }
        return take(hotkey);
    }
}
