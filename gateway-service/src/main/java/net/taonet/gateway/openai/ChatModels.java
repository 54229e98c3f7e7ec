package net.taonet.gateway.openai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.taonet.gateway.upstream.Upstreams;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The subnets whose task type is {@code chat}, seen as OpenAI models named {@code sn<netuid>}. Read from
 * the registry and cached briefly: subnets change rarely and a chat request should not cost a lookup.
 */
@Component
public class ChatModels {

    private static final Pattern MODEL = Pattern.compile("sn(\\d{1,5})");

    private final Mono<List<Model>> cached;

    public ChatModels(Upstreams upstreams) {
        this.cached = upstreams.registry().get().uri("/api/v1/subnets").retrieve().bodyToMono(JsonNode.class)
                .map(ChatModels::chatSubnets)
                .cacheInvalidateWhen(list -> Mono.delay(Duration.ofSeconds(10)).then(), list -> { })
                .onErrorMap(e -> OpenAiError.unavailable("the subnet registry is not answering"));
    }

    public Mono<List<Model>> list() {
        return cached;
    }

    /** The netuid a model name stands for, or empty when the name is not of the form {@code sn<netuid>}. */
    public static Integer netuidOf(String model) {
        Matcher m = model == null ? null : MODEL.matcher(model);
        return m != null && m.matches() ? Integer.parseInt(m.group(1)) : null;
    }

    static List<Model> chatSubnets(JsonNode subnets) {
        JsonNode items = subnets.isArray() ? subnets : subnets.path("subnets");
        if (!items.isArray()) {
            items = subnets.path("content");
        }
        List<Model> models = new ArrayList<>();
        for (JsonNode s : items) {
            if ("chat".equals(s.path("taskType").asString(""))) {
                int netuid = s.path("netuid").asInt();
                String name = s.path("identity").path("name").asString("");
                models.add(new Model("sn" + netuid, netuid, name.isEmpty() ? "subnet " + netuid : name,
                        s.path("registeredAtBlock").asLong(0)));
            }
        }
        return models;
    }

    public record Model(String id, int netuid, String name, long registeredAtBlock) {
    }
}
