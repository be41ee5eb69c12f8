package com.acme.numbers.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.Reservation;

/** A number held for this account. */
record ReservationResponse(
        @Schema(example = "f342904f-b03a-4499-bac0-e8f43a2664a1") String id,
        @Schema(example = "+19195551234") String phoneNumber,
        @Schema(example = "2026-11-28T14:00:00Z") Instant expiresAt,
        @Schema(example = "14400") long expiresInSeconds) {

    static ReservationResponse of(Reservation r) {
        return new ReservationResponse(r.id(), r.phoneNumber().e164(), r.expiresAt(), r.expiresInSeconds());
    }
}
