package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A list of bare 10-digit numbers: {@code <X><TelephoneNumber>..</TelephoneNumber>...</X>}. */
public record TelephoneNumberListXml(@JsonProperty("TelephoneNumber") List<String> telephoneNumbers) {

    public static TelephoneNumberListXml of(List<String> numbers) {
        return new TelephoneNumberListXml(numbers);
    }

    public static List<String> numbers(TelephoneNumberListXml list) {
        return list == null || list.telephoneNumbers() == null ? List.of() : list.telephoneNumbers();
    }
}
