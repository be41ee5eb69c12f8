package com.acme.numbers.state;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the state that must hold across replicas lives ({@code gateway.state.*}): idempotency keys, callers'
 * quotas and Bandwidth's 429 closures. The Redis connection itself is Spring Boot's {@code spring.data.redis.*}.
 *
 * @param store {@code memory} (one instance, the sandbox) or {@code redis} (several replicas)
 * @param timeout how long one Redis operation may take before the gateway treats Redis as down
 * @param keyPrefix prefix of every key the gateway writes, so several gateways can share one Redis
 * @param lease how long an idempotency claim holds its key while the first request runs; a replica that dies
 *        leaves it to expire (longer than the slowest order: its timeout plus the longest {@code Prefer: wait})
 */
@ConfigurationProperties("gateway.state")
public record StateProperties(
        @DefaultValue("memory") Store store,
        @DefaultValue("500ms") Duration timeout,
        @DefaultValue("numbers-gateway:") String keyPrefix,
        @DefaultValue("2m") Duration lease) {

    /** The two stores. */
    public enum Store {
        MEMORY, REDIS
    }

    public boolean shared() {
        return store == Store.REDIS;
    }
}
