package com.acme.numbers.ordering.model;

import java.time.Instant;

/** What the account knows about one of its numbers. */
public record NumberDetails(
        PhoneNumber phoneNumber,
        String status,
        String accountId,
        String siteId,
        String peerId,
        String city,
        String state,
        String rateCenter,
        String lata,
        Instant inServiceDate,
        Instant lastModifiedAt) {
}
