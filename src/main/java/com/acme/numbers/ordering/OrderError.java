package com.acme.numbers.ordering;

/** One failure reported for an order, optionally about one number. */
public record OrderError(String code, String description, PhoneNumber phoneNumber) {
}
