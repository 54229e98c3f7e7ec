package net.taonet.registry.idempotency.domain;

/** A paying request's answer; {@code replayed}: the first answer to the same Idempotency-Key, sent again. */
public record Answer<T>(T body, boolean replayed) {
}
