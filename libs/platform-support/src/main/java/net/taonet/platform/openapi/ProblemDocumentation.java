package net.taonet.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.taonet.identity.SignedRequests;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.security.SignedRequest;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes every service's OpenAPI document say how it fails. Each operation gets, per HTTP status, one
 * {@code application/problem+json} response whose examples are the problem types it can answer: the ones its
 * controller declares with {@link ProblemResponse}, plus by rule {@code invalid-request} (400) where it takes
 * input, {@code malformed-body} (400) where it takes a body, the {@code signature-*} types (401) and the
 * signature headers on {@link SignedRequest} endpoints, and {@code internal-error} (500) everywhere. The
 * framework's generic answers derived from the exception handler are replaced by these.
 */
public class ProblemDocumentation implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final String PUBLIC_API_PREFIX = "/api/v1/";

    private final String title;
    private final String version;

    public ProblemDocumentation(String title, String version) {
        this.title = title;
        this.version = version;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        if (info.getTitle() == null || info.getTitle().equals("OpenAPI definition")) {
            info.setTitle(title);
            info.setDescription("TaoNet " + title + ". Every error is an RFC 9457 problem detail whose `type` is "
                    + "`" + ApiProblem.TYPE_PREFIX + "<slug>`; clients branch on the type, never on the text. "
                    + "Each operation lists the types it can answer, with an example body.");
        }
        if (info.getVersion() == null || info.getVersion().equals("v0")) {
            info.setVersion(version);
        }
        openApi.setInfo(info);
        // Relative: the document works the same read from the service or through the gateway's proxy route.
        openApi.setServers(List.of(new Server().url("/").description("this service, or the gateway")));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        if (components.getSchemas() != null) {
            components.getSchemas().remove("ProblemDetail");
        }
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        openApi.setComponents(components);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith(PUBLIC_API_PREFIX)) {
                    item.readOperations().forEach(ProblemDocumentation::addGatewayProblems);
                }
            });
        }
    }

    /**
     * The public API is reached through the gateway, which answers these before the service sees the request:
     * a presented API key that is unknown or revoked, a key over its limits, the service's circuit open.
     */
    private static void addGatewayProblems(Operation operation) {
        Map<Integer, Map<String, String>> edge = new TreeMap<>();
        add(edge, 401, "api-key-invalid", "the API key is not valid (answered by the gateway when a key is presented)");
        add(edge, 429, "rate-limited", "this API key is over its rate limit (gateway; with Retry-After)");
        add(edge, 429, "quota-exceeded", "this API key has used its monthly quota (gateway; with Retry-After)");
        add(edge, 503, "service-unavailable", "the service behind the gateway is unavailable (its circuit is open)");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        edge.forEach((status, types) -> {
            String code = Integer.toString(status);
            ApiResponse existing = responses.get(code);
            MediaType media = existing == null || existing.getContent() == null ? null : existing.getContent().get(PROBLEM_JSON);
            if (media == null || media.getExamples() == null) {
                responses.addApiResponse(code, response(status, types));
                return;
            }
            types.forEach((slug, detail) -> {
                if (!media.getExamples().containsKey(slug)) {
                    media.addExamples(slug, example(status, slug, detail));
                    existing.setDescription(existing.getDescription() + ", `" + slug + "`");
                }
            });
        });
        operation.setResponses(responses);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (declaresOwnErrors(handlerMethod)) {
            // An endpoint with another error format (e.g. OpenAI's error object) documents its errors itself.
            return operation;
        }
        List<ProblemResponse> declared = new ArrayList<>();
        declared.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getBeanType(), ProblemResponse.class));
        declared.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(), ProblemResponse.class));

        Map<Integer, Map<String, String>> byStatus = new TreeMap<>();
        boolean takesInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        if (takesInput) {
            add(byStatus, 400, "invalid-request", "a parameter or field is missing or out of its range, e.g. \"netuid: must be greater than or equal to 0\"");
        }
        if (operation.getRequestBody() != null) {
            add(byStatus, 400, "malformed-body", "the request body is not valid JSON for this endpoint");
        }
        if (isSigned(handlerMethod)) {
            add(byStatus, 401, "signature-missing", "the request carries no signature headers");
            add(byStatus, 401, "signature-invalid", "the signature does not verify for the signer and request");
            add(byStatus, 401, "signature-stale", "the nonce is outside the freshness window");
            add(byStatus, 401, "signature-replayed", "the nonce was already used by this signer");
            addSignatureHeaders(operation);
        }
        for (ProblemResponse p : declared) {
            add(byStatus, p.status(), p.type(), p.detail().isEmpty() ? defaultDetail(p.type()) : p.detail());
        }
        add(byStatus, 500, "internal-error", "the service could not complete the request");

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.keySet().removeIf(code -> !code.startsWith("2") && !code.startsWith("3"));
        // Every answer is JSON; springdoc's "*/*" for a plain return value says less than it knows.
        responses.values().forEach(r -> {
            if (r.getContent() != null && r.getContent().containsKey("*/*")) {
                r.getContent().put(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, r.getContent().remove("*/*"));
            }
        });
        byStatus.forEach((status, types) -> responses.addApiResponse(Integer.toString(status), response(status, types)));
        operation.setResponses(responses);
        return operation;
    }

    private static boolean declaresOwnErrors(HandlerMethod handlerMethod) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(),
                        io.swagger.v3.oas.annotations.responses.ApiResponse.class).stream()
                .anyMatch(r -> r.responseCode().startsWith("4") || r.responseCode().startsWith("5"));
    }

    private static boolean isSigned(HandlerMethod handlerMethod) {
        return handlerMethod.hasMethodAnnotation(SignedRequest.class)
                || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), SignedRequest.class);
    }

    private static void add(Map<Integer, Map<String, String>> byStatus, int status, String type, String detail) {
        byStatus.computeIfAbsent(status, s -> new LinkedHashMap<>()).putIfAbsent(type, detail);
    }

    private static String defaultDetail(String slug) {
        return slug.replace('-', ' ');
    }

    private static ApiResponse response(int status, Map<String, String> types) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String reason = resolved == null ? "Error" : resolved.getReasonPhrase();
        MediaType media = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
        StringBuilder description = new StringBuilder(reason).append("; problem types: ");
        List<String> listed = new ArrayList<>();
        types.forEach((slug, detail) -> {
            listed.add("`" + slug + "`");
            media.addExamples(slug, example(status, slug, detail));
        });
        description.append(String.join(", ", listed));
        return new ApiResponse().description(description.toString()).content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    private static Example example(int status, String slug, String detail) {
        HttpStatus resolved = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ApiProblem.TYPE_PREFIX + slug);
        body.put("title", resolved == null ? "Error" : resolved.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        return new Example().summary(slug).value(body);
    }

    private static void addSignatureHeaders(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : operation.getParameters();
        header(parameters, SignedRequests.SIGNER_HEADER, "SS58 address of the signing key",
                "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        header(parameters, SignedRequests.NONCE_HEADER,
                "milliseconds since the Unix epoch, strictly increasing per signer, within the freshness window",
                "1796680000000");
        header(parameters, SignedRequests.SIGNATURE_HEADER,
                "base64 ed25519 signature of the canonical request string (method, path, nonce, body hash)",
                "c2lnbmF0dXJlIG9mIHRoZSBjYW5vbmljYWwgcmVxdWVzdCBzdHJpbmcgKDY0IGJ5dGVzKQ==");
        operation.setParameters(parameters);
    }

    private static void header(List<Parameter> parameters, String name, String description, String example) {
        boolean present = parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
        if (!present) {
            parameters.add(new Parameter().in("header").name(name).required(true).description(description)
                    .schema(string()).example(example));
        }
    }

    private static Schema<Object> string() {
        Schema<Object> s = new Schema<>();
        s.setType("string");
        s.setTypes(Set.of("string"));
        return s;
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> type = string();
        type.setFormat("uri");
        type.setDescription("`" + ApiProblem.TYPE_PREFIX + "<slug>`: what went wrong, stable; branch on it");
        type.setExample(ApiProblem.TYPE_PREFIX + "unknown-subnet");
        Schema<Object> titleSchema = string();
        titleSchema.setDescription("short summary of the status");
        Schema<Object> statusSchema = new Schema<>();
        statusSchema.setType("integer");
        statusSchema.setTypes(Set.of("integer"));
        statusSchema.setFormat("int32");
        statusSchema.setDescription("the HTTP status");
        Schema<Object> detail = string();
        detail.setDescription("what is wrong with this request, for people");
        Schema<Object> instance = string();
        instance.setFormat("uri");
        instance.setDescription("the request path, where known");
        Schema<Object> problem = new Schema<>();
        problem.setType("object");
        problem.setTypes(Set.of("object"));
        problem.setDescription("An RFC 9457 problem detail. Some types add members (e.g. `allowedRange`, "
                + "`nextAllowedBlock`, `requestId`), named in the operation's description of the type.");
        problem.addProperty("type", type);
        problem.addProperty("title", titleSchema);
        problem.addProperty("status", statusSchema);
        problem.addProperty("detail", detail);
        problem.addProperty("instance", instance);
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
