package com.acme.numbers.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.Disconnect;

/** The disconnect view. */
record DisconnectResponse(
        @Schema(example = "003e006b-c278-4ee4-89a2-c4ed334632d3") String id,
        @Schema(example = "Release support line") String name,
        @Schema(example = "ticket-4712") String customerOrderId,
        @Schema(example = "COMPLETE") String status,
        Instant createdAt,
        @Schema(example = "[\"+19195551234\"]") List<String> phoneNumbers,
        @Schema(example = "[\"+19195551234\"]") List<String> disconnectedNumbers,
        List<OrderErrorResponse> errors) {

    static DisconnectResponse of(Disconnect d) {
        return new DisconnectResponse(d.id(), d.name(), d.customerOrderId(), d.status().name(), d.createdAt(),
                OrderResponse.e164(d.phoneNumbers()), OrderResponse.e164(d.disconnectedNumbers()),
                OrderErrorResponse.of(d.errors()));
    }
}
