package net.taonet.gateway.openai;

import org.springframework.http.HttpStatus;

/** An error in OpenAI's shape ({@code {"error": {message, type, param, code}}}), which OpenAI clients parse. */
public class OpenAiError extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String param;
    private final String code;

    public OpenAiError(HttpStatus status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static OpenAiError invalidRequest(String param, String message) {
        return new OpenAiError(HttpStatus.BAD_REQUEST, "invalid_request_error", null, param, message);
    }

    public static OpenAiError modelNotFound(String model) {
        return new OpenAiError(HttpStatus.NOT_FOUND, "invalid_request_error", "model_not_found", "model",
                "The model '" + model + "' does not exist");
    }

    public static OpenAiError unavailable(String message) {
        return new OpenAiError(HttpStatus.SERVICE_UNAVAILABLE, "server_error", "service_unavailable", null, message);
    }

    public HttpStatus status() {
        return status;
    }

    public Body body() {
        return new Body(new Detail(getMessage(), type, param, code));
    }

    public record Body(Detail error) {
    }

    public record Detail(String message, String type, String param, String code) {
    }
}
