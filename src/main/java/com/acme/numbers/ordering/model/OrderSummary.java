package com.acme.numbers.ordering.model;

import java.time.Instant;

/** One row of an order list. */
public record OrderSummary(
        String id,
        OrderStatus status,
        String customerOrderId,
        Instant createdAt,
        Instant lastModifiedAt,
        int phoneNumberCount) {
}
