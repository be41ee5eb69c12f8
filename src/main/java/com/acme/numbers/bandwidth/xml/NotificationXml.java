package com.acme.numbers.bandwidth.xml;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code <Notification>}: what Bandwidth POSTs to a callback subscription's URL when an order changes. */
public record NotificationXml(
        @JsonProperty("SubscriptionId") String subscriptionId,
        @JsonProperty("OrderType") String orderType,
        @JsonProperty("OrderId") String orderId,
        @JsonProperty("CustomerOrderId") String customerOrderId,
        @JsonProperty("Status") String status,
        @JsonProperty("Message") String message,
        @JsonProperty("Note") String note,
        @JsonProperty("CompletedTelephoneNumbers") TelephoneNumberListXml completedTelephoneNumbers,
        @JsonProperty("LastModifiedDate") String lastModifiedDate,
        @JsonProperty("EventType") String eventType,
        @JsonProperty("ImpactedTelephoneNumbers") TelephoneNumberListXml impactedTelephoneNumbers) {
}
