package com.acme.numbers.ordering.model;

import java.time.Instant;
import java.util.List;

/**
 * Numbers reserved together: one entry per number, and what the batch as a whole came to.
 *
 * @param status {@code RESERVED} (every number held), {@code PARTIAL} (some held, not atomic), {@code ABORTED}
 *        (atomic, a number failed, every number it had held was released), {@code RELEASED} (released on request)
 */
public record ReservationBatch(String id, String accountId, Status status, boolean atomic, Instant createdAt,
        List<Entry> entries) {

    public ReservationBatch {
        entries = List.copyOf(entries);
    }

    /** What the batch came to. */
    public enum Status {
        RESERVED, PARTIAL, ABORTED, RELEASED
    }

    /** One number's state in the batch. */
    public enum State {
        RESERVED, FAILED, RELEASED
    }

    /**
     * @param reservationId and {@code expiresAt}: set once reserved
     * @param code why it failed ({@code number_unavailable}, ...), with Bandwidth's own code when it gave one
     * @param retryable whether trying this number again may succeed
     */
    public record Entry(PhoneNumber phoneNumber, State state, String reservationId, Instant expiresAt, String code,
            String upstreamCode, boolean retryable) {

        /** {@code number} as asked for: the entry is the request's, whatever the answer spells. */
        public static Entry reserved(PhoneNumber number, Reservation reservation) {
            return new Entry(number, State.RESERVED, reservation.id(), reservation.expiresAt(), null, null, false);
        }

        public static Entry failed(PhoneNumber number, String code, String upstreamCode, boolean retryable) {
            return new Entry(number, State.FAILED, null, null, code, upstreamCode, retryable);
        }

        public Entry released() {
            return new Entry(phoneNumber, State.RELEASED, reservationId, expiresAt, code, upstreamCode, retryable);
        }
    }

    public List<Entry> held() {
        return entries.stream().filter(e -> e.state() == State.RESERVED).toList();
    }

    public ReservationBatch with(Status newStatus, List<Entry> newEntries) {
        return new ReservationBatch(id, accountId, newStatus, atomic, createdAt, newEntries);
    }
}
