package com.acme.numbers.events.webhooks;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: subscriptions and their deliveries, shared by every replica when the state store is Redis. */
public interface WebhookStore {

    Mono<Void> save(Webhook webhook);

    Mono<Webhook> find(String accountId, String webhookId);

    Flux<Webhook> list(String accountId);

    /** @return whether it existed */
    Mono<Boolean> delete(String accountId, String webhookId);

    /** Stores a new delivery, due at its {@code nextAttemptAt}; @return false when it was stored before */
    Mono<Boolean> add(Delivery delivery);

    /** Stores a delivery's new state; a PENDING one is due at its {@code nextAttemptAt}. */
    Mono<Void> update(Delivery delivery);

    Mono<Delivery> delivery(String webhookId, String deliveryId);

    /** @return the subscription's most recent deliveries, newest first */
    Flux<Delivery> deliveries(String webhookId, int limit);

    /** Claims due deliveries; each is hidden from other claims for {@code lease} (one sender at a time). */
    Flux<Delivery> claimDue(Instant now, int max, Duration lease);
}
