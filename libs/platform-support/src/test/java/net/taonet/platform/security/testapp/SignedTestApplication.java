package net.taonet.platform.security.testapp;

import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tiny Spring MVC service with signed endpoints, for the signed-request integration tests. */
@SpringBootApplication
public class SignedTestApplication {

    /** Records owned by an address: only their owner may change them. */
    @RestController
    @RequestMapping("/api/v1/things")
    static class ThingController {

        @SignedRequest
        @PostMapping("/{owner}")
        Map<String, Object> change(@PathVariable String owner, @RequestBody Map<String, Object> body, VerifiedSigner signer) {
            signer.requireIs(owner, "the things of " + owner);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("signer", signer.address());
            answer.put("body", body);
            return answer;
        }

        @SignedRequest
        @GetMapping("/{owner}/secret")
        Map<String, Object> secret(@PathVariable String owner, @RequestParam String topic, VerifiedSigner signer) {
            signer.requireIs(owner, "the secrets of " + owner);
            return Map.of("signer", signer.address(), "topic", topic);
        }

        /** Unsigned: signature machinery must leave it alone. */
        @PostMapping("/open")
        Map<String, Object> open(@RequestBody Map<String, Object> body) {
            return Map.of("body", body);
        }
    }

    /** Annotated on the class, no VerifiedSigner parameter: still verified. */
    @SignedRequest
    @RestController
    static class PingController {

        @PostMapping("/api/v1/ping")
        Map<String, Object> ping() {
            return Map.of("pong", true);
        }
    }
}
