package com.acme.numbers.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys on POST ({@code gateway.idempotency.*}).
 *
 * @param retention how long a key and its answer are kept (at least 24 h)
 * @param maxKeys keys kept at most; the oldest go first
 * @param requiredForOrders refuse POST /orders without an Idempotency-Key (400)
 */
@ConfigurationProperties("gateway.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("100000") int maxKeys,
        @DefaultValue("false") boolean requiredForOrders) {
}
