package net.taonet.platform.logging.testapp;

import java.util.Map;
import net.taonet.platform.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A tiny Spring MVC service that logs inside a request and inside a neuron's log context. */
@SpringBootApplication
public class LoggingTestApplication {

    @RestController
    static class NeuronController {

        private static final Logger log = LoggerFactory.getLogger(NeuronController.class);

        @GetMapping("/api/v1/neurons/{netuid}/{uid}")
        Map<String, Object> neuron(@PathVariable int netuid, @PathVariable int uid) {
            try (LogContext context = LogContext.neuron(netuid, uid)) {
                log.info("looked up neuron {} of subnet {}", uid, netuid);
            }
            log.info("answered the neuron lookup");
            return Map.of("netuid", netuid, "uid", uid);
        }
    }
}
