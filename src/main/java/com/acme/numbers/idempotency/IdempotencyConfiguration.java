package com.acme.numbers.idempotency;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.acme.numbers.state.StateProperties;

/**
 * The idempotency room wires itself: its store, sized and timed by {@code gateway.idempotency.*}, in this process
 * or in Redis as {@code gateway.state.store} says.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gateway.state.store", havingValue = "memory", matchIfMissing = true)
    IdempotencyStore idempotencyStore(IdempotencyProperties properties, Clock clock) {
        return new InMemoryIdempotencyStore(clock, properties.retention(), properties.maxKeys());
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.state.store", havingValue = "redis")
    IdempotencyStore sharedIdempotencyStore(IdempotencyProperties properties, StateProperties state,
            ReactiveStringRedisTemplate redis) {
        return new RedisIdempotencyStore(redis, state.keyPrefix(), properties.retention(), state.lease(),
                state.timeout());
    }
}
