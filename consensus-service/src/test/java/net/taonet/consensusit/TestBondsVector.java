package net.taonet.consensusit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.taonet.events.registry.Hyperparameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code test_bonds} vector (copied from the shared vectors) and how it maps onto TaoNet's schedule.
 *
 * <p>The vector runs an epoch at every block 1…8 with tempo 1, while DESIGN §3 runs a subnet's epochs
 * {@code tempo + 1} blocks apart, so consecutive-block epochs are impossible. The mapping keeps every
 * relation the outputs depend on:
 * <ul>
 *   <li>subnet {@value #NETUID}, tempo {@value #TEMPO}: epoch blocks are {@code 3v + 1} for vector block
 *       {@code v} (schedule index {@code v + 1});</li>
 *   <li>a fact the vector dates at block {@code x} (registration, last update) happens at block {@code 3x},
 *       just before epoch {@code x}'s block, as in the vector where it precedes the epoch of its block.
 *       The map is strictly increasing, so every comparison of the outdated-weight rule
 *       ({@code LU ≤ BAR}) and of the bond reset is unchanged;</li>
 *   <li>tempo 2 instead of 1 only changes the activity cutoff (⌊13889·2/1000⌋ = 27 instead of 13
 *       blocks): the mapped span of the vector (blocks 3 … 25) keeps every UID active, as in the vector;
 *       and the bond reset window of the first epoch, whose bonds are empty either way;</li>
 *   <li>TaoNet gives the subnet owner's hotkey UID 0, while the vector has no owner, so vector UID
 *       {@code u} is TaoNet UID {@code u + 1} and UID 0 is an owner with no stake and no weights. An
 *       owner without stake gets no share of anything, and with {@code n = 9} and 8 validator slots the
 *       top-k drops exactly the owner (who is then forced back in), so every other UID's outputs are
 *       the vector's.</li>
 * </ul>
 * {@code VectorMappingTest} checks this claim on the engine alone; the ITs check the service against it.
 */
public final class TestBondsVector {

    public static final int NETUID = 1;
    public static final int TEMPO = 2;
    public static final String OWNER_HOTKEY = "5OwnerOfSubnetOne";

    private final JsonNode root;

    private TestBondsVector(JsonNode root) {
        this.root = root;
    }

    public static TestBondsVector load() {
        try (InputStream in = TestBondsVector.class.getResourceAsStream("/vectors/test_bonds.json")) {
            return new TestBondsVector(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long epochBlock(long vectorBlock) {
        return 3 * vectorBlock + 1;
    }

    public static long factBlock(long vectorBlock) {
        return 3 * vectorBlock;
    }

    public static String hotkey(int vectorUid) {
        return "5Hotkey" + vectorUid;
    }

    public int epochs() {
        return root.get("epochs").size();
    }

    public JsonNode inputs(int e) {
        return root.get("epochs").get(e).get("inputs");
    }

    public JsonNode outputs(int e) {
        return root.get("epochs").get(e).get("model_outputs");
    }

    public long vectorBlock(int e) {
        return inputs(e).get("current_block").asLong();
    }

    public int n() {
        return inputs(0).get("n").asInt();
    }

    /** The registry hyperparameters that give the engine the vector's values (tempo mapped as above). */
    public Hyperparameters hyperparameters() {
        JsonNode h = root.get("hyperparameters");
        Hyperparameters d = Hyperparameters.defaults();
        return new Hyperparameters(TEMPO, d.immunityPeriod(), d.minAllowedWeights(), d.maxWeightsLimit(),
                d.maxAllowedUids(), h.get("max_allowed_validators").asInt(), d.weightsRateLimit(), d.weightsVersionKey(),
                h.get("commit_reveal_enabled").asBoolean(), d.revealPeriod(), h.get("kappa").asInt(),
                h.get("bonds_moving_average").asLong(), h.get("bonds_penalty").asInt(), h.get("yuma3").asBoolean(),
                h.get("liquid_alpha").asBoolean(), h.get("alpha_low").asInt(), h.get("alpha_high").asInt(),
                h.get("alpha_sigmoid_steepness").asInt(), h.get("activity_cutoff_factor_milli").asLong(),
                h.get("stake_threshold").asLong(), d.minBurn(), d.maxBurn(), d.burnHalfLife(), d.burnIncreaseMultMilli(),
                d.registrationAllowed(), d.minNonImmuneUids());
    }

    /** A vector weight or bond row as TaoNet pairs (UIDs shifted by one). */
    public static int[][] shiftedRow(JsonNode row) {
        int[][] out = new int[row.size()][];
        for (int k = 0; k < row.size(); k++) {
            out[k] = new int[] {row.get(k).get(0).asInt() + 1, row.get(k).get(1).asInt()};
        }
        return out;
    }

    /** Vector UIDs whose weight row or last update differ from the previous epoch's inputs (all with a row at epoch 0). */
    public List<Integer> weightChanges(int e) {
        List<Integer> changed = new ArrayList<>();
        for (int u = 0; u < n(); u++) {
            JsonNode row = inputs(e).get("weights").get(u);
            long lu = inputs(e).get("last_update").get(u).asLong();
            if (e == 0) {
                if (row.size() > 0) {
                    changed.add(u);
                }
            } else if (!row.equals(inputs(e - 1).get("weights").get(u))
                    || lu != inputs(e - 1).get("last_update").get(u).asLong()) {
                changed.add(u);
            }
        }
        return changed;
    }

    /** Expected outputs of TaoNet UID {@code u + 1} = vector UID {@code u}. */
    public record Expected(boolean active, int stakeWeight, int consensus, int incentive, int dividends,
            int validatorTrust, boolean permit, long serverEmission, long validatorEmission, long emission,
            int[][] bonds) {
    }

    public Expected expected(int e, int u) {
        JsonNode o = outputs(e);
        return new Expected(o.get("active").get(u).asBoolean(), o.get("stake_weight_u16").get(u).asInt(),
                o.get("consensus_u16").get(u).asInt(), o.get("incentive_u16").get(u).asInt(),
                o.get("dividends_u16").get(u).asInt(), o.get("validator_trust_u16").get(u).asInt(),
                o.get("new_validator_permit").get(u).asBoolean(), o.get("server_emission").get(u).asLong(),
                o.get("validator_emission").get(u).asLong(), o.get("emission").get(u).asLong(),
                shiftedRow(o.get("bonds_stored_u16").get(u)));
    }
}
