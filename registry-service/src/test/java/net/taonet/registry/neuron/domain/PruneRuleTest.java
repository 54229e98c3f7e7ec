package net.taonet.registry.neuron.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.taonet.registry.neuron.domain.PruneRule.Candidate;
import org.junit.jupiter.api.Test;

/** The prune rule of spec/protocol.md §4 on named fixtures. Block 10,000, immunity 5,000 unless stated. */
class PruneRuleTest {

    static final long BLOCK = 10_000;
    static final long IMMUNITY = 5_000;

    static Candidate owner() {
        return new Candidate(0, 0, 0, true);
    }

    static Candidate neuron(int uid, long registeredAt, long emission) {
        return new Candidate(uid, registeredAt, emission, false);
    }

    static int chosenUid(List<Candidate> neurons, int minNonImmune) {
        return PruneRule.choose(neurons, BLOCK, IMMUNITY, minNonImmune).orElseThrow().candidate().uid();
    }

    @Test
    void lowestEmissionGoes() {
        var subnet = List.of(owner(), neuron(1, 100, 700), neuron(2, 200, 300), neuron(3, 300, 500));
        assertThat(chosenUid(subnet, 0)).isEqualTo(2);
    }

    @Test
    void theOwnerNeverGoesEvenWithTheLowestEmission() {
        var subnet = List.of(owner(), neuron(1, 100, 700), neuron(2, 200, 300));
        assertThat(chosenUid(subnet, 0)).isEqualTo(2);
    }

    @Test
    void tieOnEmissionTheOlderRegistrationGoes() {
        var subnet = List.of(owner(), neuron(1, 300, 50), neuron(2, 100, 50), neuron(3, 200, 50));
        assertThat(chosenUid(subnet, 0)).isEqualTo(2);
    }

    @Test
    void tieOnEmissionAndBlockTheLowerUidGoes() {
        var subnet = List.of(owner(), neuron(4, 100, 50), neuron(2, 100, 50), neuron(3, 100, 50));
        assertThat(chosenUid(subnet, 0)).isEqualTo(2);
    }

    @Test
    void immuneNeuronsAreSkippedWhileEnoughNonImmuneExist() {
        // uid 3 registered at 9,000: 10,000 − 9,000 < 5,000 → immune, despite emission 0
        var subnet = List.of(owner(), neuron(1, 1_000, 400), neuron(2, 2_000, 200), neuron(3, 9_000, 0));
        assertThat(chosenUid(subnet, 1)).isEqualTo(2);
    }

    @Test
    void immunityEndsExactlyAfterTheImmunityPeriod() {
        // registered at 5,000: 10,000 − 5,000 = 5,000, not < 5,000 → no longer immune
        var subnet = List.of(owner(), neuron(1, 1_000, 400), neuron(2, 5_000, 100), neuron(3, 5_001, 0));
        assertThat(chosenUid(subnet, 0)).isEqualTo(2);
    }

    @Test
    void atTheFloorOfNonImmuneTheLowestImmuneGoes() {
        // two non-immune neurons, floor 2: replacing one would go below it → choose among the immune
        var subnet = List.of(owner(), neuron(1, 1_000, 10), neuron(2, 2_000, 20),
                neuron(3, 9_000, 300), neuron(4, 9_500, 100));
        var choice = PruneRule.choose(subnet, BLOCK, IMMUNITY, 2).orElseThrow();
        assertThat(choice.candidate().uid()).isEqualTo(4);
        assertThat(choice.immune()).isTrue();
        assertThat(choice.nonImmuneCount()).isEqualTo(2);
    }

    @Test
    void oneAboveTheFloorANonImmuneOneStillGoes() {
        var subnet = List.of(owner(), neuron(1, 1_000, 10), neuron(2, 2_000, 20), neuron(3, 3_000, 30),
                neuron(4, 9_500, 0));
        assertThat(chosenUid(subnet, 2)).isEqualTo(1);
    }

    @Test
    void everyoneImmuneTheLowestEmissionImmuneGoes() {
        var subnet = List.of(owner(), neuron(1, 9_000, 500), neuron(2, 9_100, 100), neuron(3, 9_200, 100));
        assertThat(chosenUid(subnet, 10)).isEqualTo(2);
    }

    @Test
    void noImmuneNeuronAndBelowTheFloorTheLowestNonImmuneGoes() {
        var subnet = List.of(owner(), neuron(1, 1_000, 500), neuron(2, 2_000, 100));
        assertThat(chosenUid(subnet, 10)).isEqualTo(2);
    }

    @Test
    void onlyTheOwnerLeavesNothingToReplace() {
        assertThat(PruneRule.choose(List.of(owner()), BLOCK, IMMUNITY, 0)).isEmpty();
    }

    @Property(tries = 300)
    void theChoiceIsNeverTheOwnerAndHasTheLowestEmissionOfItsGroup(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000) Long> emissions,
            @ForAll @LongRange(min = 0, max = 10_000) long spread, @ForAll @IntRange(min = 0, max = 12) int floor) {
        List<Candidate> subnet = new ArrayList<>();
        subnet.add(owner());
        for (int i = 0; i < emissions.size(); i++) {
            subnet.add(neuron(i + 1, (i * 7919L) % (spread + 1), emissions.get(i)));
        }
        var choice = PruneRule.choose(subnet, BLOCK, IMMUNITY, floor).orElseThrow();
        assertThat(choice.candidate().owner()).isFalse();
        boolean immune = PruneRule.immune(choice.candidate().registeredAtBlock(), BLOCK, IMMUNITY);
        subnet.stream().filter(c -> !c.owner())
                .filter(c -> PruneRule.immune(c.registeredAtBlock(), BLOCK, IMMUNITY) == immune)
                .forEach(c -> assertThat(PruneRule.ORDER.compare(choice.candidate(), c)).isLessThanOrEqualTo(0));
    }
}
