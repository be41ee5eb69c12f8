package com.acme.numbers.ordering.model;

import java.util.List;

/** A request to release numbers from the account. */
public record NewDisconnect(String name, String customerOrderId, List<PhoneNumber> phoneNumbers,
        DisconnectMode mode) {

    public NewDisconnect {
        phoneNumbers = List.copyOf(phoneNumbers);
    }
}
