package net.taonet.gateway.metagraph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MetagraphAssemblyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** As consensus answers {@code GET /api/v1/subnets/{netuid}/epochs/{epoch}} (docs/contracts.md). */
    private final JsonNode epoch = json("""
            {"netuid":1,"epoch":7,"block":2878,
             "inputs":{"n":2,"hotkeys":["hkA","hkB"],"lastUpdate":[2800,2790],"blockAtRegistration":[10,20]},
             "outputs":[{"uid":0,"incentive":0,"dividends":65535,"consensus":0,"validatorTrust":65535,"stakeWeight":65535,
                          "emission":500,"validatorPermit":true,"active":true},
                         {"uid":1,"incentive":65535,"dividends":0,"consensus":65535,"validatorTrust":0,"stakeWeight":0,
                          "emission":499,"validatorPermit":false,"active":true}]}""");
    private final JsonNode neurons = json("""
            [{"uid":0,"hotkey":"hkA","coldkey":"ckA","registrationBlock":10},
             {"uid":1,"hotkey":"hkB","coldkey":"ckB","registrationBlock":20,"serving":{"accelerator":"cpu"}},
             {"uid":2,"hotkey":"hkC","coldkey":"ckC","registrationBlock":2900}]""");
    private final JsonNode stakes = json("""
            {"netuid":1,"totalRao":3000,"hotkeys":[{"hotkey":"hkA","totalRao":2000},{"hotkey":"hkB","totalRao":1000}]}""");

    @Test
    void joinsRegistryLedgerAndConsensusByUidAndHotkey() {
        Metagraph m = MetagraphService.assemble(1, 2900, epoch, neurons, stakes, json("{}"));
        assertThat(m.n()).isEqualTo(3);
        assertThat(m.epoch()).isEqualTo(7);
        MetagraphEntry validator = m.neurons().get(0);
        assertThat(validator.coldkey()).isEqualTo("ckA");
        assertThat(validator.stakeRao()).isEqualTo(2000);
        assertThat(validator.dividends()).isEqualTo(65535);
        assertThat(validator.validatorPermit()).isTrue();
        assertThat(validator.lastUpdate()).isEqualTo(2800);
        assertThat(validator.emissionRao()).isEqualTo(500);
        MetagraphEntry miner = m.neurons().get(1);
        assertThat(miner.incentive()).isEqualTo(65535);
        assertThat(miner.serving().path("accelerator").asString()).isEqualTo("cpu");
        MetagraphEntry newcomer = m.neurons().get(2);
        assertThat(newcomer.hotkey()).isEqualTo("hkC");
        assertThat(newcomer.incentive()).isZero();
        assertThat(newcomer.lastUpdate()).isNull();
        assertThat(newcomer.registrationBlock()).isEqualTo(2900);
    }

    @Test
    void prefersTheLedgersSettledPayoutOfTheSameEpoch() {
        JsonNode payouts = json("""
                {"epoch":7,"payouts":[{"uid":0,"minerRao":0,"validatorRao":410},{"uid":1,"minerRao":409,"validatorRao":0}]}""");
        Metagraph m = MetagraphService.assemble(1, 2900, epoch, neurons, stakes, payouts);
        assertThat(m.neurons().get(0).emissionRao()).isEqualTo(410);
        assertThat(m.neurons().get(1).emissionRao()).isEqualTo(409);
        JsonNode older = json("{\"epoch\":6,\"payouts\":[{\"uid\":0,\"minerRao\":0,\"validatorRao\":1}]}");
        assertThat(MetagraphService.assemble(1, 2900, epoch, neurons, stakes, older).neurons().get(0).emissionRao())
                .isEqualTo(500);
    }

    @Test
    void aSubnetWithoutEpochsStillListsItsNeurons() {
        Metagraph m = MetagraphService.assemble(1, 5, json("{}"), neurons, json("{}"), json("{}"));
        assertThat(m.epoch()).isNull();
        assertThat(m.neurons()).extracting(MetagraphEntry::hotkey).containsExactly("hkA", "hkB", "hkC");
        assertThat(m.neurons()).allSatisfy(e -> assertThat(e.stakeRao()).isZero());
    }
}
