package net.taonet.gateway.apikey.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where API keys and their monthly usage live (the gateway's own database). */
public interface ApiKeyStore {

    void insert(ApiKey key, String keyHash);

    Optional<ApiKey> findByHash(String keyHash);

    Optional<ApiKey> findById(UUID id);

    List<ApiKey> findAll();

    boolean revoke(UUID id);

    long usage(UUID keyId, String month);

    /** Adds counted requests to the stored usage of each key for the month. */
    void addUsage(String month, Map<UUID, Long> requestsByKey);
}
