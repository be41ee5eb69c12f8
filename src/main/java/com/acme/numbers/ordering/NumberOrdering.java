package com.acme.numbers.ordering;

import reactor.core.publisher.Mono;

/** Outbound port: buying and releasing numbers, and following those orders. */
public interface NumberOrdering {

    /** @return the order as accepted (usually RECEIVED) */
    Mono<NumberOrder> place(String accountId, NewOrder order);

    /** @return the order's current state; {@link NotFoundException} when unknown */
    Mono<NumberOrder> order(String accountId, String orderId);

    /** @return one page of the account's orders */
    Mono<OrderPage> orders(String accountId, OrderQuery query);

    /** @return the disconnect order as accepted */
    Mono<Disconnect> disconnect(String accountId, NewDisconnect request);

    /** @return the disconnect order's current state; {@link NotFoundException} when unknown */
    Mono<Disconnect> disconnectOrder(String accountId, String disconnectId);
}
