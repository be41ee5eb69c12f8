package com.acme.numbers.web.ledger;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.events.LedgerEntry;
import com.acme.numbers.events.OrderKind;

/** One order or disconnect the gateway follows, as the ledger has it. */
record LedgerEntryResponse(
        @Schema(allowableValues = { "order", "disconnect" }) String kind,
        @Schema(example = "f30a31a1-1de4-4939-b094-4521bbe5c8df") String id,
        @Schema(example = "COMPLETE", description = "the last status seen, by whoever saw it first") String status,
        @Schema(description = "the API client that placed it; absent when Bandwidth told of it") String caller,
        String customerOrderId,
        String idempotencyKey,
        Instant placedAt,
        Instant updatedAt,
        @Schema(description = "polls by the reconciler that found no new status") int polls) {

    static LedgerEntryResponse of(LedgerEntry e) {
        return new LedgerEntryResponse(e.key().kind() == OrderKind.ORDER ? "order" : "disconnect", e.key().id(),
                e.status().name(), e.caller(), e.customerOrderId(), e.idempotencyKey(), e.placedAt(), e.updatedAt(),
                e.polls());
    }
}
