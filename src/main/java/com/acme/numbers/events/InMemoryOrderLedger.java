package com.acme.numbers.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.model.OrderStatus;

/**
 * The ledger and its outbox for one instance: in memory, under one lock, so a status check and the event it
 * appends are one step; like the Redis store, each call acts when subscribed to, not when made. A restart forgets
 * every entry and every event not yet handed on. Bounded: past {@code maxEntries} the oldest entries are forgotten.
 */
public final class InMemoryOrderLedger implements OrderLedger, EventOutbox {

    private record Taken(OrderEvent event, String consumer, Instant at) {
    }

    private final Map<LedgerKey, LedgerEntry> entries;
    private final Map<LedgerKey, Instant> due = new HashMap<>();
    private final Map<String, OrderEvent> waiting = new LinkedHashMap<>();
    private final Map<String, Taken> taken = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryOrderLedger(Clock clock, int maxEntries) {
        this.clock = clock;
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LedgerKey, LedgerEntry> eldest) {
                boolean full = size() > maxEntries;
                if (full) {
                    due.remove(eldest.getKey());
                }
                return full;
            }
        };
    }

    @Override
    public Mono<Boolean> add(LedgerEntry entry, Instant firstPoll) {
        return Mono.defer(() -> {
            synchronized (this) {
                if (entries.containsKey(entry.key())) {
                    return Mono.just(false);
                }
                entries.put(entry.key(), entry);
                if (entry.unfinished()) {
                    due.put(entry.key(), firstPoll);
                }
                return Mono.just(true);
            }
        });
    }

    @Override
    public Mono<LedgerEntry> find(LedgerKey key) {
        return Mono.defer(() -> {
            synchronized (this) {
                return Mono.justOrEmpty(entries.get(key));
            }
        });
    }

    @Override
    public Flux<LedgerEntry> list(String accountId, int limit) {
        return Flux.defer(() -> {
            synchronized (this) {
                List<LedgerEntry> mine = entries.values().stream().filter(e -> e.key().accountId().equals(accountId))
                        .sorted(Comparator.comparing(LedgerEntry::placedAt).reversed()).limit(limit).toList();
                return Flux.fromIterable(mine);
            }
        });
    }

    @Override
    public Mono<Boolean> record(LedgerKey key, OrderStatus status, Instant at, Instant nextPoll,
            OrderEvent event) {
        return Mono.defer(() -> {
            synchronized (this) {
                LedgerEntry entry = entries.get(key);
                if (entry == null || entry.status() == status) {
                    return Mono.just(false);
                }
                entries.put(key, new LedgerEntry(key, entry.caller(), entry.customerOrderId(), entry.idempotencyKey(),
                        status, entry.placedAt(), at, entry.polls()));
                if (nextPoll == null) {
                    due.remove(key);
                }
                else {
                    due.put(key, nextPoll);
                }
                if (event != null) {
                    waiting.put(event.id(), event);
                }
                return Mono.just(true);
            }
        });
    }

    @Override
    public Mono<Void> schedule(LedgerKey key, Instant nextPoll, boolean countPoll) {
        return Mono.defer(() -> {
            synchronized (this) {
                LedgerEntry entry = entries.get(key);
                if (entry != null && entry.unfinished()) {
                    due.put(key, nextPoll);
                    if (countPoll) {
                        entries.put(key, new LedgerEntry(key, entry.caller(), entry.customerOrderId(),
                                entry.idempotencyKey(), entry.status(), entry.placedAt(), entry.updatedAt(),
                                entry.polls() + 1));
                    }
                }
                return Mono.empty();
            }
        });
    }

    @Override
    public Mono<Void> abandon(LedgerKey key) {
        return Mono.defer(() -> {
            synchronized (this) {
                due.remove(key);
                return Mono.empty();
            }
        });
    }

    @Override
    public Flux<LedgerEntry> claimDue(Instant now, int max, Duration lease) {
        return Flux.defer(() -> {
            synchronized (this) {
                List<LedgerEntry> claimed = new ArrayList<>();
                for (Map.Entry<LedgerKey, Instant> e : due.entrySet()) {
                    if (claimed.size() < max && !e.getValue().isAfter(now)) {
                        claimed.add(entries.get(e.getKey()));
                    }
                }
                claimed.removeIf(Objects::isNull);
                claimed.forEach(entry -> due.put(entry.key(), now.plus(lease)));
                return Flux.fromIterable(claimed);
            }
        });
    }

    @Override
    public Flux<OrderEvent> take(String consumer, int max, Duration redeliverAfter) {
        return Flux.defer(() -> {
            synchronized (this) {
                Instant now = clock.instant();
                List<OrderEvent> out = new ArrayList<>();
                for (Taken t : taken.values()) {
                    if (out.size() < max && t.at().plus(redeliverAfter).isBefore(now)) {
                        out.add(t.event());
                    }
                }
                var fresh = waiting.values().iterator();
                while (out.size() < max && fresh.hasNext()) {
                    out.add(fresh.next());
                    fresh.remove();
                }
                out.forEach(event -> taken.put(event.id(), new Taken(event, consumer, now)));
                return Flux.fromIterable(out);
            }
        });
    }

    @Override
    public Mono<Void> acknowledge(String eventId) {
        return Mono.defer(() -> {
            synchronized (this) {
                taken.remove(eventId);
                return Mono.empty();
            }
        });
    }
}
