package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code <Error>}: inside an {@code ErrorList}, or directly inside a {@code SearchResult}. */
public record ErrorXml(
        @JsonProperty("Code") String code,
        @JsonProperty("Description") String description,
        @JsonProperty("TelephoneNumber") String telephoneNumber) {

    public record ListXml(@JsonProperty("Error") List<ErrorXml> errors) {

        public static List<ErrorXml> errors(ListXml list) {
            return list == null || list.errors() == null ? List.of() : list.errors();
        }
    }
}
