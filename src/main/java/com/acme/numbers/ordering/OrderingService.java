package com.acme.numbers.ordering;

import reactor.core.publisher.Mono;

/**
 * The number life-cycle use cases: validates what callers ask for, fills in account defaults, and hands the
 * request to the outbound ports. Invalid requests fail here, before anything is sent upstream.
 */
public class OrderingService {

    private final NumberInventory inventory;
    private final NumberOrdering ordering;
    private final AccountDefaults defaults;

    public OrderingService(NumberInventory inventory, NumberOrdering ordering, AccountDefaults defaults) {
        this.inventory = inventory;
        this.ordering = ordering;
        this.defaults = defaults;
    }

    public Mono<SearchResult> search(String accountId, NumberSearch search) {
        return Mono.defer(() -> {
            SearchRules.validate(search);
            return inventory.search(accountId, search);
        });
    }

    public Mono<Reservation> reserve(String accountId, PhoneNumber number) {
        return inventory.reserve(accountId, number);
    }

    public Mono<Reservation> reservation(String accountId, String reservationId) {
        return inventory.reservation(accountId, reservationId);
    }

    public Mono<Void> release(String accountId, String reservationId) {
        return inventory.release(accountId, reservationId);
    }

    public Mono<NumberDetails> numberDetails(String accountId, PhoneNumber number) {
        return inventory.details(accountId, number);
    }

    public Mono<NumberOrder> placeOrder(String accountId, NewOrder order) {
        return Mono.defer(() -> {
            NewOrder complete = withAccountDefaults(accountId, order);
            OrderRules.validate(complete);
            return ordering.place(accountId, complete);
        });
    }

    public Mono<NumberOrder> order(String accountId, String orderId) {
        return ordering.order(accountId, orderId);
    }

    public Mono<OrderPage> orders(String accountId, OrderQuery query) {
        return Mono.defer(() -> {
            OrderRules.validate(query);
            return ordering.orders(accountId, query);
        });
    }

    public Mono<Disconnect> disconnect(String accountId, NewDisconnect request) {
        return Mono.defer(() -> {
            OrderRules.validate(request);
            return ordering.disconnect(accountId, request);
        });
    }

    public Mono<Disconnect> disconnectOrder(String accountId, String disconnectId) {
        return ordering.disconnectOrder(accountId, disconnectId);
    }

    private NewOrder withAccountDefaults(String accountId, NewOrder order) {
        if (order.siteId() != null) {
            return order;
        }
        String site = defaults.siteId(accountId).orElse(null);
        String peer = order.peerId() != null ? order.peerId() : defaults.peerId(accountId).orElse(null);
        return order.withSite(site, peer);
    }
}
