package net.taonet.cli.network;

import net.taonet.identity.CommitHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import net.taonet.cli.CliException;
import net.taonet.identity.KeyPair;
import org.junit.jupiter.api.Test;

/** The commit hash against scoring-service's published vector, weight vectors, hyperparameter names, takes. */
class WeightsMathTest {

    // scoring-service's published test vector (its README and CommitHashTest).
    static final KeyPair VECTOR_HOTKEY = KeyPair.fromSeedHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final String VECTOR_ADDRESS = "5C9TqVEs5Q51zUdjvp6tSsjHAfLseJKq1Dq6ULcuSLqEuRSf";
    static final String VECTOR_HASH = "2e5f1dd96c89f76de0b27bc45e2442bf48747a2792ef608758b57652a5339cce";

    @Test
    void commitHashMatchesThePublishedVector() {
        byte[] salt = HexFormat.of().parseHex("0102030405060708");
        assertThat(VECTOR_HOTKEY.address()).isEqualTo(VECTOR_ADDRESS);
        assertThat(CommitHash.of(VECTOR_ADDRESS, 1, List.of(0, 1, 2), List.of(65535, 32768, 0), salt, 7)).isEqualTo(VECTOR_HASH);
        assertThat(HexFormat.of().formatHex(CommitHash.encode(VECTOR_ADDRESS, 1, List.of(0, 1, 2), List.of(65535, 32768, 0), salt, 7)))
                .isEqualTo(HexFormat.of().formatHex("taonet-weights-commit-v1".getBytes()) + VECTOR_HOTKEY.publicKeyHex()
                        + "0001" + "00000003" + "000000010002" + "00000003" + "ffff80000000" + "00000008" + "0102030405060708"
                        + "0000000000000007");
        assertThat(CommitHash.of(VECTOR_ADDRESS, 1, List.of(0, 2, 1), List.of(65535, 32768, 0), salt, 7)).isNotEqualTo(VECTOR_HASH);
    }

    @Test
    void integerWeightsGoAsTheyAreDecimalsAreMaxUpscaled() {
        assertThat(WeightVector.parse(List.of("0", "1", "2"), List.of("1", "1", "65535")))
                .isEqualTo(new WeightVector(List.of(0, 1, 2), List.of(1, 1, 65535)));
        assertThat(WeightVector.parse(List.of("3", "1"), List.of("0.5", "0.25")))
                .isEqualTo(new WeightVector(List.of(3, 1), List.of(65535, 32768))); // 32767.5 rounds half to even
        assertThat(WeightVector.parse(List.of("0", "1", "2"), List.of("0.2", "0.3", "0.5")).weights())
                .containsExactly(26214, 39321, 65535);
        assertThat(WeightVector.parse(List.of("0", "1"), List.of("1.0", "0")).weights()).containsExactly(65535, 0);
    }

    @Test
    void badWeightVectorsAreUsageErrors() {
        refused(() -> WeightVector.parse(List.of("0", "1"), List.of("1")), "one weight per UID");
        refused(() -> WeightVector.parse(List.of(), List.of()), "at least one");
        refused(() -> WeightVector.parse(List.of("0", "0"), List.of("1", "2")), "twice");
        refused(() -> WeightVector.parse(List.of("65536"), List.of("1")), "--uids");
        refused(() -> WeightVector.parse(List.of("0"), List.of("65536")), "--weights");
        refused(() -> WeightVector.parse(List.of("0"), List.of("-1")), "--weights");
        refused(() -> WeightVector.parse(List.of("0", "1"), List.of("0.0", "0")), "all zero");
        refused(() -> WeightVector.parse(List.of("0"), List.of("1e2")), "--weights");
    }

    @Test
    void hyperparameterNamesAndValues() {
        assertThat(Hyperparams.wireName("bonds_moving_average")).isEqualTo("bondsMovingAverage");
        assertThat(Hyperparams.wireName("yuma3-enabled")).isEqualTo("yuma3Enabled");
        assertThat(Hyperparams.wireName("kappa")).isEqualTo("kappa");
        assertThat(Hyperparams.wireName("activityCutoffFactorMilli")).isEqualTo("activityCutoffFactorMilli");
        assertThat(SubnetCommand.snake("activityCutoffFactorMilli")).isEqualTo("activity_cutoff_factor_milli");
        assertThat(Hyperparams.value("x", "TRUE")).isEqualTo(true);
        assertThat(Hyperparams.value("x", "720")).isEqualTo(720L);
        assertThat(Hyperparams.assignments(List.of("kappa=40000", "liquid_alpha_enabled=true"), "--set"))
                .containsExactly(java.util.Map.entry("kappa", 40000L), java.util.Map.entry("liquidAlphaEnabled", true));
        refused(() -> Hyperparams.value("tempo", "1.5"), "integer or true/false");
        refused(() -> Hyperparams.value("tempo", "99999999999999999999"), "integer or true/false");
        refused(() -> Hyperparams.assignments(List.of("kappa"), "--set"), "name=value");
        refused(() -> Hyperparams.wireName("1abc"), "not a hyperparameter name");
    }

    @Test
    void takesAreFractionsOrPercentagesRoundedDown() {
        assertThat(TakeCommand.parseTake("18%")).isEqualTo(11_796);
        assertThat(TakeCommand.parseTake("0.18")).isEqualTo(11_796);
        assertThat(TakeCommand.parseTake("0")).isZero();
        assertThat(TakeCommand.parseTake("100%")).isEqualTo(65_535);
        refused(() -> TakeCommand.parseTake("1.01"), "at most 100%");
        refused(() -> TakeCommand.parseTake("-1%"), "fraction");
        refused(() -> TakeCommand.parseTake("nine"), "fraction");
    }

    static void refused(Runnable r, String fragment) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).contains(fragment);
        });
    }
}
