package com.acme.numbers.ordering;

import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.model.ReservationBatch;

/** Outbound port: where reservation batches are kept, so any replica can read or release one. */
public interface ReservationBatchStore {

    Mono<Void> save(ReservationBatch batch);

    /** @return the batch, or empty when unknown to this account (or expired) */
    Mono<ReservationBatch> find(String accountId, String batchId);
}
