package com.acme.numbers.ordering;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.model.ReservationBatch;

/** Batches in this process's memory: the newest {@code maxBatches}, each for {@code retention}. One replica only. */
public final class InMemoryReservationBatchStore implements ReservationBatchStore {

    private final Clock clock;
    private final Duration retention;
    private final Map<String, ReservationBatch> batches;

    public InMemoryReservationBatchStore(Clock clock, Duration retention, int maxBatches) {
        this.clock = clock;
        this.retention = retention;
        this.batches = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ReservationBatch> eldest) {
                return size() > maxBatches;
            }
        };
    }

    @Override
    public Mono<Void> save(ReservationBatch batch) {
        return Mono.fromRunnable(() -> {
            synchronized (batches) {
                batches.put(key(batch.accountId(), batch.id()), batch);
            }
        });
    }

    @Override
    public Mono<ReservationBatch> find(String accountId, String batchId) {
        return Mono.fromSupplier(() -> {
            synchronized (batches) {
                ReservationBatch batch = batches.get(key(accountId, batchId));
                return batch == null || batch.createdAt().plus(retention).isBefore(clock.instant()) ? null : batch;
            }
        });
    }

    private static String key(String accountId, String batchId) {
        return accountId + '/' + batchId;
    }
}
