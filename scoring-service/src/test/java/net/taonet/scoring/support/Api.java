package net.taonet.scoring.support;

import net.taonet.identity.KeyPair;
import net.taonet.platform.security.SigningRequestInterceptor;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test; signs with a key when given one. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;

    private Api(RestClient client) {
        this.client = client;
    }

    public static Api unsigned(String baseUrl) {
        return new Api(builder(baseUrl).build());
    }

    public static Api signedBy(String baseUrl, KeyPair key) {
        return new Api(builder(baseUrl).requestInterceptor(new SigningRequestInterceptor(key)).build());
    }

    private static RestClient.Builder builder(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { });
    }

    public Response post(String path, Object body) {
        return post(path, body, null, null);
    }

    public Response post(String path, Object body, String header, String value) {
        var spec = client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        if (header != null) {
            spec = spec.header(header, value);
        }
        return Response.of(spec.retrieve().toEntity(String.class));
    }

    public Response get(String path) {
        return Response.of(client.get().uri(path).retrieve().toEntity(String.class));
    }

    public record Response(int status, JsonNode body, String raw) {
        static Response of(ResponseEntity<String> entity) {
            String raw = entity.getBody();
            JsonNode node = null;
            try {
                node = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            } catch (RuntimeException notJson) {
                // keep the raw text
            }
            return new Response(entity.getStatusCode().value(), node, raw);
        }

        /** The problem type slug of an error answer. */
        public String problemType() {
            return body == null ? null : body.path("type").asString("").replace("urn:taonet:problem:", "");
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
