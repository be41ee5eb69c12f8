package com.acme.numbers.ordering.model;

import java.time.Instant;

/** A number held for this account until {@code expiresAt}. */
public record Reservation(String id, PhoneNumber phoneNumber, Instant expiresAt, long expiresInSeconds) {
}
