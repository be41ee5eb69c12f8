package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code <ResponseSelectWrapper>}: a page of the order (or disconnect) list. */
public record OrderListXml(@JsonProperty("ListOrderIdUserIdDate") ListXml list) {

    public record ListXml(
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("Links") LinksXml links,
            @JsonProperty("OrderIdUserIdDate") List<RowXml> rows) {
    }

    public record LinksXml(@JsonProperty("first") String first, @JsonProperty("next") String next) {
    }

    /** Orders say {@code orderId}, disconnects {@code OrderId}. */
    public record RowXml(
            @JsonProperty("CountOfTNs") Integer countOfTns,
            @JsonProperty("CustomerOrderId") String customerOrderId,
            @JsonProperty("lastModifiedDate") String lastModifiedDate,
            @JsonProperty("OrderDate") String orderDate,
            @JsonProperty("OrderType") String orderType,
            @JsonProperty("orderId") @JsonAlias("OrderId") String orderId,
            @JsonProperty("OrderStatus") String orderStatus) {
    }
}
