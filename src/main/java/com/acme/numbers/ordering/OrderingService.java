package com.acme.numbers.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.OutcomeUnknownException;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderQuery;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.SearchResult;

/**
 * The number life-cycle use cases: validates what callers ask for, fills in account defaults, and hands the
 * request to the outbound ports. Invalid requests fail here, before anything is sent upstream.
 */
public class OrderingService {

    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final NumberInventory inventory;
    private final NumberOrdering ordering;
    private final AccountDefaults defaults;
    private final Clock clock;
    private final OrderWatch watch;

    public OrderingService(NumberInventory inventory, NumberOrdering ordering, AccountDefaults defaults, Clock clock) {
        this(inventory, ordering, defaults, clock, OrderWatch.NONE);
    }

    public OrderingService(NumberInventory inventory, NumberOrdering ordering, AccountDefaults defaults, Clock clock,
            OrderWatch watch) {
        this.inventory = inventory;
        this.ordering = ordering;
        this.defaults = defaults;
        this.clock = clock;
        this.watch = watch;
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
            return placeReconciled(accountId, complete);
        });
    }

    /**
     * Places an order at most once per {@code customerOrderId}: an earlier order with that reference (from an
     * attempt whose answer was lost to a timeout or a crash) is returned instead of buying again.
     */
    public Mono<NumberOrder> placeOrderOnce(String accountId, NewOrder order) {
        return Mono.defer(() -> {
            NewOrder complete = withAccountDefaults(accountId, order);
            OrderRules.validate(complete);
            if (complete.customerOrderId() == null) {
                return ordering.place(accountId, complete);
            }
            return placed(accountId, complete.customerOrderId())
                    .switchIfEmpty(Mono.defer(() -> placeReconciled(accountId, complete)));
        });
    }

    /**
     * Places the order; when its outcome is unknown (the answer was lost after sending), looks for it by its
     * {@code customerOrderId} and answers with it when found, so a purchase is never reported as a failure.
     */
    private Mono<NumberOrder> placeReconciled(String accountId, NewOrder order) {
        Mono<NumberOrder> placing = ordering.place(accountId, order);
        if (order.customerOrderId() == null) {
            return placing;
        }
        return placing.onErrorResume(OutcomeUnknownException.class, unknown -> placed(accountId,
                order.customerOrderId())
                .onErrorResume(OrderingException.class, lookupFailed -> Mono.empty())
                .switchIfEmpty(Mono.error(unknown)));
    }

    /** The order placed earlier with this reference, if Bandwidth knows one. */
    private Mono<NumberOrder> placed(String accountId, String customerOrderId) {
        OrderQuery earlier = new OrderQuery(null, customerOrderId, null, null, 1, "1");
        return ordering.orders(accountId, earlier)
                .flatMap(page -> page.orders().isEmpty() ? Mono.empty()
                        : ordering.order(accountId, page.orders().get(0).id()));
    }

    /**
     * Follows a new order until it leaves RECEIVED or {@code wait} runs out, polling with backoff on timers (no
     * thread is held); a change someone else saw first (a callback) cuts the current delay short. A failed poll
     * ends the wait with the last known state: the order itself exists.
     */
    public Mono<NumberOrder> awaitOrder(String accountId, NumberOrder order, Duration wait) {
        return poll(order, o -> o.status() != OrderStatus.RECEIVED, o -> ordering.order(accountId, o.id()),
                watch.changed(accountId, order.id()), clock.instant().plus(wait), FIRST_POLL);
    }

    /** Like {@link #awaitOrder}, for disconnects. */
    public Mono<Disconnect> awaitDisconnect(String accountId, Disconnect disconnect, Duration wait) {
        return poll(disconnect, d -> d.status() != OrderStatus.RECEIVED,
                d -> ordering.disconnectOrder(accountId, d.id()), watch.changed(accountId, disconnect.id()),
                clock.instant().plus(wait), FIRST_POLL);
    }

    private <T> Mono<T> poll(T last, Predicate<T> done, Function<T, Mono<T>> read, Mono<Void> changed,
            Instant deadline, Duration delay) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (done.test(last) || left.isNegative() || left.isZero()) {
            return Mono.just(last);
        }
        Duration next = delay.compareTo(left) < 0 ? delay : left;
        return Mono.firstWithSignal(Mono.delay(next).then(), changed.onErrorResume(ex -> Mono.never()))
                .then(Mono.defer(() -> read.apply(last)))
                .onErrorResume(ex -> Mono.empty())
                .defaultIfEmpty(last)
                .flatMap(current -> current == last ? Mono.just(last)
                        : poll(current, done, read, changed, deadline, min(delay.multipliedBy(2), LONGEST_POLL)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
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
        return defaults.appliedTo(accountId, order);
    }
}
