package com.acme.numbers.bandwidth.xml;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <DisconnectTelephoneNumberOrder>}, also echoed as {@code orderRequest} in the response. */
@JacksonXmlRootElement(localName = "DisconnectTelephoneNumberOrder")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "Name", "CustomerOrderId", "OrderCreateDate", "DisconnectTelephoneNumberOrderType" })
public record DisconnectXml(
        @JsonProperty("id") String id,
        @JsonProperty("Name") @JsonAlias("name") String name,
        @JsonProperty("CustomerOrderId") String customerOrderId,
        @JsonProperty("OrderCreateDate") String orderCreateDate,
        @JsonProperty("DisconnectTelephoneNumberOrderType") TypeXml type) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "TelephoneNumberList", "DisconnectMode" })
    public record TypeXml(
            @JsonProperty("TelephoneNumberList") TelephoneNumberListXml telephoneNumberList,
            @JsonProperty("DisconnectMode") String disconnectMode) {
    }

    /** {@code <DisconnectTelephoneNumberOrderResponse>}. */
    public record ResponseXml(
            @JsonProperty("orderRequest") DisconnectXml orderRequest,
            @JsonProperty("OrderStatus") String orderStatus,
            @JsonProperty("ErrorList") ErrorXml.ListXml errorList,
            @JsonProperty("DisconnectedTelephoneNumberList") TelephoneNumberListXml disconnected) {
    }
}
