package com.acme.numbers.ordering;

import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderQuery;

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
