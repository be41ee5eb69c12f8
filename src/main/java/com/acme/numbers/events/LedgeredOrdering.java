package com.acme.numbers.events;

import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.NumberOrdering;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderQuery;

/**
 * The ordering port, with the ledger told of every order and disconnect placed (before the answer goes back) and
 * of every status a caller's read or {@code Prefer: wait} sees.
 */
final class LedgeredOrdering implements NumberOrdering {

    private final NumberOrdering upstream;
    private final OrderEvents events;

    LedgeredOrdering(NumberOrdering upstream, OrderEvents events) {
        this.upstream = upstream;
        this.events = events;
    }

    @Override
    public Mono<NumberOrder> place(String accountId, NewOrder order) {
        return upstream.place(accountId, order).flatMap(placed -> Mono.deferContextual(context -> events.placed(
                new LedgerKey(OrderKind.ORDER, accountId, placed.id()), placed.customerOrderId(), placed.status(),
                () -> events.view(placed), context)).thenReturn(placed));
    }

    @Override
    public Mono<NumberOrder> order(String accountId, String orderId) {
        return upstream.order(accountId, orderId)
                .flatMap(order -> events.seen(new LedgerKey(OrderKind.ORDER, accountId, orderId), order, "read", 0)
                        .thenReturn(order));
    }

    @Override
    public Mono<OrderPage> orders(String accountId, OrderQuery query) {
        return upstream.orders(accountId, query);
    }

    @Override
    public Mono<Disconnect> disconnect(String accountId, NewDisconnect request) {
        return upstream.disconnect(accountId, request).flatMap(placed -> Mono.deferContextual(context -> events
                .placed(new LedgerKey(OrderKind.DISCONNECT, accountId, placed.id()), placed.customerOrderId(),
                        placed.status(), () -> events.view(placed), context)).thenReturn(placed));
    }

    @Override
    public Mono<Disconnect> disconnectOrder(String accountId, String disconnectId) {
        return upstream.disconnectOrder(accountId, disconnectId)
                .flatMap(disconnect -> events.seen(new LedgerKey(OrderKind.DISCONNECT, accountId, disconnectId),
                        disconnect, "read", 0).thenReturn(disconnect));
    }
}
