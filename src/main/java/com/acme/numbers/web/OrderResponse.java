package com.acme.numbers.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.PhoneNumber;

/** The order view: its state and, once final, which numbers were bought and which failed. */
record OrderResponse(
        @Schema(example = "f30a31a1-1de4-4939-b094-4521bbe5c8df") String id,
        @Schema(example = "Support line") String name,
        @Schema(example = "ticket-4711") String customerOrderId,
        @Schema(example = "1001") String siteId,
        @Schema(example = "500001") String peerId,
        @Schema(example = "COMPLETE", allowableValues = { "RECEIVED", "PROCESSING", "COMPLETE", "PARTIAL", "FAILED",
                "BACKORDERED" }) String status,
        Instant createdAt,
        Instant completedAt,
        @Schema(example = "1 number ordered in (919)") String summary,
        @Schema(example = "[\"+19195551234\"]") List<String> completedNumbers,
        List<String> failedNumbers,
        List<OrderErrorResponse> errors) {

    static OrderResponse of(NumberOrder o) {
        return new OrderResponse(o.id(), o.name(), o.customerOrderId(), o.siteId(), o.peerId(), o.status().name(),
                o.createdAt(), o.completedAt(), o.summary(), e164(o.completedNumbers()), e164(o.failedNumbers()),
                OrderErrorResponse.of(o.errors()));
    }

    static List<String> e164(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).toList();
    }
}
