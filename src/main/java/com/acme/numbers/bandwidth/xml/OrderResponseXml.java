package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code <OrderResponse>}: the answer to creating or reading a number order. */
public record OrderResponseXml(
        @JsonProperty("CompletedQuantity") Integer completedQuantity,
        @JsonProperty("FailedQuantity") Integer failedQuantity,
        @JsonProperty("LastModifiedDate") String lastModifiedDate,
        @JsonProperty("OrderCompleteDate") String orderCompleteDate,
        @JsonProperty("ErrorList") ErrorXml.ListXml errorList,
        @JsonProperty("FailedNumbers") FailedNumbersXml failedNumbers,
        @JsonProperty("Order") OrderXml order,
        @JsonProperty("OrderStatus") String orderStatus,
        @JsonProperty("CompletedNumbers") CompletedNumbersXml completedNumbers,
        @JsonProperty("Summary") String summary) {

    /** Failed numbers are bare {@code FullNumber} elements, with no {@code TelephoneNumber} wrapper. */
    public record FailedNumbersXml(@JsonProperty("FullNumber") List<String> fullNumbers) {
    }

    public record CompletedNumbersXml(@JsonProperty("TelephoneNumber") List<FullNumberXml> telephoneNumbers) {
    }

    public record FullNumberXml(@JsonProperty("FullNumber") String fullNumber) {
    }
}
