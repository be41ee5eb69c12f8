package com.acme.numbers.ordering.model;

import java.time.Instant;
import java.util.List;

/** The state of a number order as Bandwidth reports it. */
public record NumberOrder(
        String id,
        String name,
        String customerOrderId,
        String siteId,
        String peerId,
        OrderStatus status,
        Instant createdAt,
        Instant completedAt,
        String summary,
        List<PhoneNumber> completedNumbers,
        List<PhoneNumber> failedNumbers,
        List<OrderError> errors) {

    public NumberOrder {
        completedNumbers = List.copyOf(completedNumbers);
        failedNumbers = List.copyOf(failedNumbers);
        errors = List.copyOf(errors);
    }
}
