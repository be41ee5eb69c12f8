package com.acme.numbers.events;

import java.util.List;

import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;

/**
 * What a Bandwidth notification said about an order or disconnect. It only says that something changed: the
 * event's data is read from Bandwidth, so subscribers get the same view a GET gives.
 */
public record OrderNotice(LedgerKey key, String customerOrderId, OrderStatus status, String message,
        List<PhoneNumber> completedNumbers) {

    public OrderNotice {
        completedNumbers = List.copyOf(completedNumbers);
    }
}
