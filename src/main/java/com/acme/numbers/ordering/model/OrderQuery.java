package com.acme.numbers.ordering.model;

import java.time.LocalDate;

/**
 * Filters and paging for an order list.
 *
 * @param status only orders in this state, or null
 * @param customerOrderId only orders with this reference, or null
 * @param from first creation day, or null
 * @param to last creation day, or null
 * @param size page size (1-1000)
 * @param page upstream page key: "1" for the first page, otherwise the id of the order that starts the page
 */
public record OrderQuery(OrderStatus status, String customerOrderId, LocalDate from, LocalDate to, int size,
        String page) {
}
