package com.acme.numbers.web.webhooks;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.events.webhooks.Delivery;

/** One event's delivery to one subscriber: where it stands and when it is tried next. */
record DeliveryResponse(
        @Schema(example = "dlv-0c5f1d7e2b9a4e3c8d7f6a5b4c3d2e1f") String id,
        @Schema(description = "the webhook-id header of every attempt", example = "msg_4c1d9e0f2a3b4c5d6e7f8091a2b3c4d5")
        String eventId,
        @Schema(example = "order.completed") String event,
        @Schema(allowableValues = { "PENDING", "SUCCEEDED", "FAILED" }) String status,
        int attempts,
        @Schema(description = "the subscriber's HTTP status on the last attempt", example = "200") Integer responseCode,
        @Schema(description = "why the last attempt got no HTTP status") String error,
        Instant lastAttemptAt,
        Instant nextAttemptAt) {

    static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(d.id(), d.event().id(), d.event().type().wireName(), d.status().name(),
                d.attempts(), d.responseCode(), d.error(), d.lastAttemptAt(), d.nextAttemptAt());
    }
}
