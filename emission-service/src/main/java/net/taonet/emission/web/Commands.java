package net.taonet.emission.web;

import java.util.function.Supplier;
import net.taonet.emission.idempotency.domain.IdempotentCommands;
import net.taonet.emission.idempotency.domain.IdempotentCommands.Outcome;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs a public command under its {@code Idempotency-Key} and answers it (a replay says so in a header). */
@Component
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentCommands idempotent;

    public Commands(IdempotentCommands idempotent) {
        this.idempotent = idempotent;
    }

    public <R> ResponseEntity<R> run(String signer, String command, String key, String request, Class<R> type,
            Supplier<R> body) {
        Outcome<R> outcome = idempotent.execute(signer + ":" + command, key, command + "|" + request, type, body);
        return ResponseEntity.ok().header(REPLAYED, Boolean.toString(outcome.replayed())).body(outcome.value());
    }
}
