package net.taonet.platform.security.fluxapp;

import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/** A tiny WebFlux service (as the gateway is) with a signed endpoint. */
@SpringBootApplication
public class SignedFluxApplication {

    @RestController
    static class ThingController {

        @SignedRequest
        @PostMapping("/api/v1/things/{owner}")
        Mono<Map<String, Object>> change(@PathVariable String owner, @RequestBody Map<String, Object> body,
                VerifiedSigner signer) {
            signer.requireIs(owner, "the things of " + owner);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("signer", signer.address());
            answer.put("body", body);
            return Mono.just(answer);
        }
    }

    /** What a reactive service's problem handler does with an ApiProblem (the gateway has its own). */
    @RestControllerAdvice
    static class Problems {
        @ExceptionHandler(ApiProblem.class)
        ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem.toProblemDetail());
        }
    }
}
