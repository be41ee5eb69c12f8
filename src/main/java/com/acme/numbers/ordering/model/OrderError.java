package com.acme.numbers.ordering.model;

/** One failure reported for an order, optionally about one number. */
public record OrderError(String code, String description, PhoneNumber phoneNumber) {
}
