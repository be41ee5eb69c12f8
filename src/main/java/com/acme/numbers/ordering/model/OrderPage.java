package com.acme.numbers.ordering.model;

import java.util.List;

/**
 * One page of orders.
 *
 * @param orders the rows
 * @param totalCount how many orders match in all
 * @param nextPage the upstream key of the next page, or null on the last page
 */
public record OrderPage(List<OrderSummary> orders, int totalCount, String nextPage) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
