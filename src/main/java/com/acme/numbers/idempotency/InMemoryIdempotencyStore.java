package com.acme.numbers.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;


/**
 * Idempotency keys in this process's memory: bounded (the oldest keys go first) and expiring after the retention
 * time. Good for one replica; several replicas need a shared store behind the same port.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private static final Duration IN_FLIGHT_RETRY_AFTER = Duration.ofSeconds(1);

    private record Kept(String fingerprint, Instant createdAt, StoredResponse response) {
    }

    private final Clock clock;
    private final Duration retention;
    private final Map<String, Kept> entries;

    public InMemoryIdempotencyStore(Clock clock, Duration retention, int maxKeys) {
        this.clock = clock;
        this.retention = retention;
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > maxKeys;
            }
        };
    }

    @Override
    public Mono<Claim> claim(String key, String fingerprint) {
        return Mono.fromSupplier(() -> claimNow(key, fingerprint));
    }

    private synchronized Claim claimNow(String key, String fingerprint) {
        Instant now = clock.instant();
        Kept entry = entries.get(key);
        if (entry == null || entry.createdAt().plus(retention).isBefore(now)) {
            entries.remove(key);
            entries.put(key, new Kept(fingerprint, now, null));
            return new Claim.Claimed();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        return entry.response() == null ? new Claim.InFlight(IN_FLIGHT_RETRY_AFTER)
                : new Claim.Completed(entry.response());
    }

    @Override
    public Mono<Void> complete(String key, StoredResponse response) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                entries.computeIfPresent(key, (k, e) -> new Kept(e.fingerprint(), e.createdAt(), response));
            }
        });
    }

    @Override
    public Mono<Void> release(String key) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                Kept entry = entries.get(key);
                if (entry != null && entry.response() == null) {
                    entries.remove(key);
                }
            }
        });
    }
}
