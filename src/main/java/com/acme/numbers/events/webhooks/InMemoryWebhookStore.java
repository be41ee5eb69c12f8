package com.acme.numbers.events.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Subscriptions and deliveries of one instance, in memory, under one lock; each call acts when subscribed to, as
 * the Redis store's do. A restart forgets them.
 */
public final class InMemoryWebhookStore implements WebhookStore {

    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    private final Map<String, Map<String, Delivery>> deliveries = new HashMap<>();
    /** When each pending delivery is due, and whose it is, so a claim finds it without a search. */
    private record Due(String webhookId, Instant at) {
    }

    private final Map<String, Due> due = new LinkedHashMap<>();
    private final int kept;

    public InMemoryWebhookStore(int kept) {
        this.kept = kept;
    }

    @Override
    public Mono<Void> save(Webhook webhook) {
        return Mono.defer(() -> {
            synchronized (this) {
                webhooks.put(webhook.id(), webhook);
                return Mono.empty();
            }
        });
    }

    @Override
    public Mono<Webhook> find(String accountId, String webhookId) {
        return Mono.defer(() -> {
            synchronized (this) {
                Webhook webhook = webhooks.get(webhookId);
                return Mono.justOrEmpty(webhook != null && webhook.accountId().equals(accountId) ? webhook : null);
            }
        });
    }

    @Override
    public Flux<Webhook> list(String accountId) {
        return Flux.defer(() -> {
            synchronized (this) {
                return Flux.fromIterable(webhooks.values().stream().filter(w -> w.accountId().equals(accountId)).toList());
            }
        });
    }

    @Override
    public Mono<Boolean> delete(String accountId, String webhookId) {
        return Mono.defer(() -> {
            synchronized (this) {
                Webhook webhook = webhooks.get(webhookId);
                if (webhook == null || !webhook.accountId().equals(accountId)) {
                    return Mono.just(false);
                }
                webhooks.remove(webhookId);
                Map<String, Delivery> gone = deliveries.remove(webhookId);
                if (gone != null) {
                    gone.keySet().forEach(due::remove);
                }
                return Mono.just(true);
            }
        });
    }

    @Override
    public Mono<Boolean> add(Delivery delivery) {
        return Mono.defer(() -> {
            synchronized (this) {
                Map<String, Delivery> mine = deliveries.computeIfAbsent(delivery.webhookId(), id -> bounded());
                if (mine.containsKey(delivery.id())) {
                    return Mono.just(false);
                }
                mine.put(delivery.id(), delivery);
                due.put(delivery.id(), new Due(delivery.webhookId(), delivery.nextAttemptAt()));
                return Mono.just(true);
            }
        });
    }

    @Override
    public Mono<Void> update(Delivery delivery) {
        return Mono.defer(() -> {
            synchronized (this) {
                Map<String, Delivery> mine = deliveries.get(delivery.webhookId());
                if (mine != null && mine.containsKey(delivery.id())) {
                    mine.put(delivery.id(), delivery);
                    if (delivery.status() == Delivery.Status.PENDING) {
                        due.put(delivery.id(), new Due(delivery.webhookId(), delivery.nextAttemptAt()));
                    }
                    else {
                        due.remove(delivery.id());
                    }
                }
                return Mono.empty();
            }
        });
    }

    @Override
    public Mono<Delivery> delivery(String webhookId, String deliveryId) {
        return Mono.defer(() -> {
            synchronized (this) {
                Map<String, Delivery> mine = deliveries.get(webhookId);
                return Mono.justOrEmpty(mine == null ? null : mine.get(deliveryId));
            }
        });
    }

    @Override
    public Flux<Delivery> deliveries(String webhookId, int limit) {
        return Flux.defer(() -> {
            synchronized (this) {
                Map<String, Delivery> mine = deliveries.getOrDefault(webhookId, Map.of());
                List<Delivery> newestFirst = new ArrayList<>(mine.values());
                Collections.reverse(newestFirst);
                return Flux.fromIterable(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
            }
        });
    }

    @Override
    public Flux<Delivery> claimDue(Instant now, int max, Duration lease) {
        return Flux.defer(() -> {
            synchronized (this) {
                List<Delivery> claimed = new ArrayList<>();
                for (Map.Entry<String, Due> e : due.entrySet()) {
                    if (claimed.size() < max && !e.getValue().at().isAfter(now)) {
                        claimed.add(deliveries.get(e.getValue().webhookId()).get(e.getKey()));
                    }
                }
                claimed.sort(Comparator.comparing(Delivery::nextAttemptAt));
                claimed.forEach(d -> due.put(d.id(), new Due(d.webhookId(), now.plus(lease))));
                return Flux.fromIterable(claimed);
            }
        });
    }

    private Map<String, Delivery> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Delivery> eldest) {
                boolean full = size() > kept && eldest.getValue().status() != Delivery.Status.PENDING;
                if (full) {
                    due.remove(eldest.getKey());
                }
                return full;
            }
        };
    }
}
