package com.acme.numbers.events.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.EventType;
import com.acme.numbers.ordering.error.NotFoundException;

/** The subscribers' use cases: subscribe, read, unsubscribe, rotate the secret, see and retry deliveries. */
public class Webhooks {

    /** A new subscription and the secret it signs with, which is shown this once. */
    public record Created(Webhook webhook, String secret) {

        @Override
        public String toString() {
            return "Created[webhook=" + webhook + ", secret=******]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final WebhooksProperties properties;
    private final Clock clock;

    public Webhooks(WebhookStore store, WebhooksProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Created> create(String accountId, URI url, Set<EventType> events, String description) {
        String secret = newSecret();
        Webhook webhook = new Webhook("wh-" + UUID.randomUUID().toString().replace("-", ""), accountId, url, events,
                description, clock.instant(), List.of(new SigningSecret(secret, null)));
        return store.save(webhook).thenReturn(new Created(webhook, secret));
    }

    public Flux<Webhook> list(String accountId) {
        return store.list(accountId);
    }

    public Mono<Webhook> find(String accountId, String webhookId) {
        return store.find(accountId, webhookId).switchIfEmpty(Mono.error(() -> new NotFoundException(
                "Webhook " + webhookId + " was not found on this account", null)));
    }

    public Mono<Void> delete(String accountId, String webhookId) {
        return store.delete(accountId, webhookId).flatMap(existed -> existed ? Mono.empty()
                : Mono.error(new NotFoundException("Webhook " + webhookId + " was not found on this account", null)));
    }

    /** A new current secret; the ones before it keep signing until the overlap ends, so receivers can switch. */
    public Mono<Created> rotate(String accountId, String webhookId) {
        Instant now = clock.instant();
        String fresh = newSecret();
        return find(accountId, webhookId).flatMap(webhook -> {
            List<SigningSecret> secrets = new ArrayList<>();
            secrets.add(new SigningSecret(fresh, null));
            for (SigningSecret old : webhook.signingAt(now)) {
                secrets.add(new SigningSecret(old.value(),
                        old.retiresAt() != null ? old.retiresAt() : now.plus(properties.secretOverlap())));
            }
            Webhook rotated = webhook.withSecrets(secrets);
            return store.save(rotated).thenReturn(new Created(rotated, fresh));
        });
    }

    public Flux<Delivery> deliveries(String accountId, String webhookId) {
        return find(accountId, webhookId).flatMapMany(w -> store.deliveries(w.id(), properties.deliveriesKept()));
    }

    /** Sends a delivery again now (at once, whatever its state), with the same {@code webhook-id}. */
    public Mono<Delivery> retry(String accountId, String webhookId, String deliveryId) {
        return find(accountId, webhookId)
                .flatMap(w -> store.delivery(w.id(), deliveryId))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Delivery " + deliveryId
                        + " was not found on this webhook", null)))
                .map(d -> d.retriedNow(clock.instant()))
                .flatMap(d -> store.update(d).thenReturn(d));
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
