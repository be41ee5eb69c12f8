package com.acme.numbers.idempotency;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The idempotency room wires itself: its store, sized and timed by {@code gateway.idempotency.*}. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(IdempotencyProperties properties, Clock clock) {
        return new InMemoryIdempotencyStore(clock, properties.retention(), properties.maxKeys());
    }
}
