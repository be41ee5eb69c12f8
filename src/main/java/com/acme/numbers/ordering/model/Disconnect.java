package com.acme.numbers.ordering.model;

import java.time.Instant;
import java.util.List;

/** The state of a disconnect order. */
public record Disconnect(
        String id,
        String name,
        String customerOrderId,
        OrderStatus status,
        Instant createdAt,
        List<PhoneNumber> phoneNumbers,
        List<PhoneNumber> disconnectedNumbers,
        List<OrderError> errors) {

    public Disconnect {
        phoneNumbers = List.copyOf(phoneNumbers);
        disconnectedNumbers = List.copyOf(disconnectedNumbers);
        errors = List.copyOf(errors);
    }
}
