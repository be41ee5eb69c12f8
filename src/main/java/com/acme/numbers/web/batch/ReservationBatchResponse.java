package com.acme.numbers.web.batch;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.ReservationBatch;

/** A reservation batch: what it came to, and each number's state. */
record ReservationBatchResponse(
        String id,
        @Schema(allowableValues = { "RESERVED", "PARTIAL", "ABORTED", "RELEASED" }) String status,
        boolean atomic,
        Instant createdAt,
        int reserved,
        int failed,
        List<BatchNumber> numbers) {

    /**
     * @param status {@code RESERVED}, {@code FAILED} or {@code RELEASED}
     * @param code why it failed (a problem code such as {@code number_unavailable})
     * @param bandwidthCode Bandwidth's own error code, when it gave one
     * @param retryable whether trying this number again may succeed
     */
    record BatchNumber(String phoneNumber,
            @Schema(allowableValues = { "RESERVED", "FAILED", "RELEASED" }) String status,
            String reservationId, Instant expiresAt, String code, String bandwidthCode, Boolean retryable) {
    }

    static ReservationBatchResponse of(ReservationBatch batch) {
        List<BatchNumber> numbers = batch.entries().stream().map(e -> new BatchNumber(e.phoneNumber().e164(),
                e.state().name(), e.reservationId(), e.expiresAt(), e.code(), e.upstreamCode(),
                e.state() == ReservationBatch.State.FAILED ? e.retryable() : null)).toList();
        int failed = (int) batch.entries().stream().filter(e -> e.state() == ReservationBatch.State.FAILED).count();
        return new ReservationBatchResponse(batch.id(), batch.status().name(), batch.atomic(), batch.createdAt(),
                batch.held().size(), failed, numbers);
    }
}
