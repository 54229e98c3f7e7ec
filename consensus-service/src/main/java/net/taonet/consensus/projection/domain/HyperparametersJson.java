package net.taonet.consensus.projection.domain;

import net.taonet.events.registry.Hyperparameters;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON form of the registry's hyperparameter record, as stored on the subnet row. */
public final class HyperparametersJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private HyperparametersJson() {
    }

    public static String write(Hyperparameters hp) {
        return MAPPER.writeValueAsString(hp);
    }

    public static Hyperparameters read(String json) {
        return MAPPER.readValue(json, Hyperparameters.class);
    }
}
