package com.acme.numbers.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderSummary;

/** A page of orders; pass {@code nextPageToken} back as {@code pageToken} for the next one. */
record OrderListResponse(List<Row> orders, @Schema(example = "1") int totalCount,
        @Schema(description = "absent on the last page") String nextPageToken) {

    record Row(
            @Schema(example = "f30a31a1-1de4-4939-b094-4521bbe5c8df") String id,
            @Schema(example = "COMPLETE") String status,
            @Schema(example = "ticket-4711") String customerOrderId,
            Instant createdAt,
            Instant lastModifiedAt,
            @Schema(example = "1") int phoneNumberCount) {

        static Row of(OrderSummary s) {
            return new Row(s.id(), s.status().name(), s.customerOrderId(), s.createdAt(), s.lastModifiedAt(),
                    s.phoneNumberCount());
        }
    }

    static OrderListResponse of(OrderPage page) {
        return new OrderListResponse(page.orders().stream().map(Row::of).toList(), page.totalCount(),
                PageToken.encode(page.nextPage()));
    }
}
