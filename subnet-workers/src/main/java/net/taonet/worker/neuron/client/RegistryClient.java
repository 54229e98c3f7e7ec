package net.taonet.worker.neuron.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import net.taonet.identity.KeyPair;
import net.taonet.platform.security.SigningRequestInterceptor;
import net.taonet.worker.neuron.domain.RegistryPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's REST API as the worker uses it (docs/contracts.md, "Workers and the registry"). Commands are
 * signed (DESIGN §6): a registration by the paying coldkey, serving metadata by the hotkey. 5xx and I/O
 * errors mean "unavailable, try later"; 4xx answers are final for that attempt.
 */
public final class RegistryClient implements RegistryPort {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final Duration timeout;
    private final RestClient reads;
    private final Map<String, RestClient> signedByKey = new java.util.concurrent.ConcurrentHashMap<>();

    public RegistryClient(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.reads = builder().build();
    }

    private RestClient.Builder builder() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(factory);
    }

    /** One client (one nonce sequence) per signing key, as the interceptor requires. */
    private RestClient signedBy(KeyPair key) {
        return signedByKey.computeIfAbsent(key.address(),
                a -> builder().requestInterceptor(new SigningRequestInterceptor(key)).build());
    }

    @Override
    public OptionalInt lookupUid(String hotkey, int netuid) throws RegistryUnavailableException {
        String body;
        try {
            body = reads.get().uri("/api/v1/neurons/{hotkey}", hotkey).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(String.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                return OptionalInt.empty();
            }
            throw unavailableOrFail(e);
        } catch (ResourceAccessException e) {
            throw new RegistryUnavailableException("registry at " + baseUrl + " unreachable: " + e.getMessage(), e);
        }
        return uidOn(parse(body), netuid);
    }

    /**
     * Finds the UID on {@code netuid} in a look-up answer: a list of registrations, an object holding one
     * (under {@code neurons} or {@code registrations}), or a single registration.
     */
    static OptionalInt uidOn(JsonNode answer, int netuid) {
        if (answer == null) {
            return OptionalInt.empty();
        }
        JsonNode list = answer.isArray() ? answer
                : answer.has("neurons") ? answer.get("neurons")
                : answer.has("registrations") ? answer.get("registrations") : null;
        if (list == null) {
            return matches(answer, netuid) ? OptionalInt.of(answer.get("uid").asInt()) : OptionalInt.empty();
        }
        for (JsonNode n : list) {
            if (matches(n, netuid)) {
                return OptionalInt.of(n.get("uid").asInt());
            }
        }
        return OptionalInt.empty();
    }

    private static boolean matches(JsonNode n, int netuid) {
        return n.path("netuid").canConvertToInt() && n.path("netuid").asInt() == netuid
                && n.path("uid").canConvertToInt();
    }

    @Override
    public RegistrationOutcome register(int netuid, KeyPair coldkey, String hotkey, long maxPriceRao)
            throws RegistryUnavailableException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("hotkey", hotkey);
        request.put("maxPriceRao", maxPriceRao);
        try {
            String body = signedBy(coldkey).post().uri("/api/v1/subnets/{netuid}/neurons", netuid)
                    .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(request))
                    .retrieve().body(String.class);
            JsonNode answer = parse(body);
            if (answer != null && answer.path("uid").canConvertToInt()) {
                return RegistrationOutcome.registered(answer.get("uid").asInt());
            }
            // Registered, but the answer does not say where: ask.
            OptionalInt uid = lookupUid(hotkey, netuid);
            return uid.isPresent() ? RegistrationOutcome.registered(uid.getAsInt())
                    : RegistrationOutcome.refused("registered, but the registry does not list the UID yet");
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is5xxServerError()) {
                throw new RegistryUnavailableException("registry answered " + e.getStatusCode(), e);
            }
            if (e.getStatusCode().value() == 409) {
                OptionalInt uid = lookupUid(hotkey, netuid);
                if (uid.isPresent()) {
                    return RegistrationOutcome.registered(uid.getAsInt());
                }
            }
            return RegistrationOutcome.refused(e.getStatusCode().value() + " " + e.getResponseBodyAsString());
        } catch (ResourceAccessException e) {
            throw new RegistryUnavailableException("registry at " + baseUrl + " unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void publishServing(KeyPair hotkey, int netuid, Map<String, Object> metadata)
            throws RegistryUnavailableException {
        try {
            signedBy(hotkey).put().uri("/api/v1/serving/{netuid}/{hotkey}", netuid, hotkey.address())
                    .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(metadata))
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw unavailableOrFail(e);
        } catch (ResourceAccessException e) {
            throw new RegistryUnavailableException("registry at " + baseUrl + " unreachable: " + e.getMessage(), e);
        }
    }

    private static RegistryUnavailableException unavailableOrFail(RestClientResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        String what = "registry answered " + status.value() + ": " + e.getResponseBodyAsString();
        if (status.is5xxServerError() || status.value() == 429) {
            return new RegistryUnavailableException(what, e);
        }
        throw new IllegalStateException(what, e);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("registry answered unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
