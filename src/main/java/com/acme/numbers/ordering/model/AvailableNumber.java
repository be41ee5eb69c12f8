package com.acme.numbers.ordering.model;

/** A number that can be ordered; the detail fields are null unless details were asked for. */
public record AvailableNumber(
        PhoneNumber phoneNumber,
        String city,
        String state,
        String rateCenter,
        String lata,
        String tier,
        String vendorId,
        String vendorName) {

    public static AvailableNumber of(PhoneNumber number) {
        return new AvailableNumber(number, null, null, null, null, null, null, null);
    }
}
