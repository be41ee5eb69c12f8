package com.acme.numbers.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.acme.numbers.sandbox.SandboxInventory.Tn;
import com.acme.numbers.sandbox.xml.SandboxError;

/**
 * The sandbox's state: which numbers are free, held, ordered, in service or aging, and every order and
 * disconnect. All changes happen under one lock, so two orders for the same number can never both win. Orders
 * finish lazily: whatever is due is settled before any read or write (or a notifier's tick), and what settled is
 * handed to the notifier once. Bounded: the oldest orders are forgotten past {@code maxOrders}.
 * <p>
 * Over 200 lines because every change to that state happens under its one lock: a class per resource would have
 * to share the lock and the settling, and two orders for one number could then both win.
 */
final class SandboxStore {

    enum Status { AVAILABLE, RESERVED, PENDING, INSERVICE, AGING }

    /** What has happened to one number. */
    static final class TnState {
        Status status = Status.AVAILABLE;
        String reservationId;
        Instant reservedUntil;
        String orderId;
        Instant orderCreated;
        Instant inServiceDate;
        Instant lastModified;
    }

    record Reservation(String id, String number, Instant expires) {
    }

    record Failure(String code, String description, String number) {
    }

    private final SandboxInventory inventory;
    private final Clock clock;
    private final Duration hold;
    private final Duration delay;
    private final Map<String, TnState> numbers = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final Map<String, SandboxOrder> orders;
    private final Map<String, SandboxDisconnect> disconnects;
    private final List<SandboxWork> justSettled = new ArrayList<>();

    SandboxStore(SandboxInventory inventory, Clock clock, Duration hold, Duration delay, int maxOrders) {
        this.inventory = inventory;
        this.clock = clock;
        this.hold = hold;
        this.delay = delay;
        this.orders = bounded(maxOrders);
        this.disconnects = bounded(maxOrders);
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    Instant now() {
        return clock.instant();
    }

    synchronized List<Tn> available(Predicate<Tn> filter) {
        settle();
        return inventory.all().stream().filter(tn -> status(tn.number()) == Status.AVAILABLE).filter(filter).toList();
    }

    synchronized Reservation reserve(String number) {
        settle();
        if (inventory.find(number) == null) {
            throw new SandboxError(400, "5040", "Telephone number " + number + " was not found");
        }
        if (status(number) != Status.AVAILABLE) {
            throw new SandboxError(400, "5041", "Telephone number " + number + " is not available");
        }
        Reservation reservation = new Reservation(UUID.randomUUID().toString(), number, now().plus(hold));
        TnState state = state(number);
        state.status = Status.RESERVED;
        state.reservationId = reservation.id();
        state.reservedUntil = reservation.expires();
        state.lastModified = now();
        reservations.put(reservation.id(), reservation);
        return reservation;
    }

    synchronized Reservation reservation(String id) {
        settle();
        Reservation reservation = reservations.get(id);
        if (reservation == null) {
            throw new SandboxError(404, "5042", "Reservation " + id + " was not found");
        }
        return reservation;
    }

    synchronized void unreserve(String id) {
        Reservation reservation = reservation(id);
        reservations.remove(id);
        TnState state = state(reservation.number());
        if (state.status == Status.RESERVED && id.equals(state.reservationId)) {
            free(state);
        }
    }

    /** Places an order: picks and holds its numbers now; they go in service when it settles. */
    synchronized SandboxOrder place(SandboxOrderRequest draft, String user) {
        settle();
        SandboxOrder order = SandboxOrder.allocate(draft, this, user, now(), now().plus(delay));
        for (String number : order.allocated()) {
            TnState state = state(number);
            state.status = Status.PENDING;
            state.orderId = order.id();
            state.orderCreated = order.createdAt();
            state.lastModified = now();
            clearReservation(state);
        }
        orders.put(order.id(), order);
        return order;
    }

    /** Whether an existing-number order may take this number (free, or held by one of the given reservations). */
    boolean takeable(String number, List<String> reservationIds) {
        Status status = status(number);
        return status == Status.AVAILABLE
                || status == Status.RESERVED && reservationIds.contains(state(number).reservationId);
    }

    List<Tn> searchFree(Predicate<Tn> filter, int max) {
        return inventory.all().stream().filter(tn -> status(tn.number()) == Status.AVAILABLE).filter(filter)
                .limit(max).toList();
    }

    synchronized SandboxOrder order(String id) {
        settle();
        return orders.get(id);
    }

    synchronized List<SandboxOrder> orders() {
        settle();
        return new ArrayList<>(orders.values());
    }

    synchronized SandboxDisconnect disconnect(SandboxDisconnect.Draft draft, String user) {
        settle();
        List<String> accepted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String number : draft.numbers()) {
            if (status(number) == Status.INSERVICE) {
                accepted.add(number);
            }
            else {
                failures.add(new Failure("5006", "The telephone number " + number
                        + " could not be disconnected since it is not associated with your account", number));
            }
        }
        SandboxDisconnect disconnect = new SandboxDisconnect(UUID.randomUUID().toString(), draft, user, now(),
                now().plus(delay), accepted, failures);
        disconnects.put(disconnect.id(), disconnect);
        return disconnect;
    }

    synchronized SandboxDisconnect disconnectOrder(String id) {
        settle();
        return disconnects.get(id);
    }

    synchronized List<SandboxDisconnect> disconnects() {
        settle();
        return new ArrayList<>(disconnects.values());
    }

    /** A copy of a number's state, or null when the number is not in the inventory. */
    synchronized TnState tn(String number) {
        settle();
        if (inventory.find(number) == null) {
            return null;
        }
        TnState copy = new TnState();
        TnState state = state(number);
        copy.status = status(number);
        copy.reservationId = state.reservationId;
        copy.orderId = state.orderId;
        copy.orderCreated = state.orderCreated;
        copy.inServiceDate = state.inServiceDate;
        copy.lastModified = state.lastModified;
        return copy;
    }

    synchronized List<String> inService() {
        settle();
        return numbers.entrySet().stream().filter(e -> e.getValue().status == Status.INSERVICE)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Settles what is due and hands over everything settled since the last call, for its notifications. */
    synchronized List<SandboxWork> drainSettled() {
        settle();
        List<SandboxWork> settled = List.copyOf(justSettled);
        justSettled.clear();
        return settled;
    }

    synchronized void clear() {
        justSettled.clear();
        numbers.clear();
        reservations.clear();
        orders.clear();
        disconnects.clear();
    }

    SandboxInventory inventory() {
        return inventory;
    }

    private Status status(String number) {
        TnState state = numbers.get(number);
        if (state == null) {
            return Status.AVAILABLE;
        }
        if (state.status == Status.RESERVED && state.reservedUntil.isBefore(now())) {
            reservations.remove(state.reservationId);
            free(state);
        }
        return state.status;
    }

    private TnState state(String number) {
        return numbers.computeIfAbsent(number, n -> new TnState());
    }

    private void settle() {
        Instant now = now();
        for (SandboxOrder order : orders.values()) {
            if (!order.settled() && !order.dueAt().isAfter(now)) {
                order.settle();
                justSettled.add(order);
                for (String number : order.allocated()) {
                    TnState state = state(number);
                    if (state.status == Status.PENDING && order.id().equals(state.orderId)) {
                        state.status = order.completed().contains(number) ? Status.INSERVICE : Status.AVAILABLE;
                        state.inServiceDate = order.dueAt();
                        state.lastModified = order.dueAt();
                    }
                }
            }
        }
        for (SandboxDisconnect disconnect : disconnects.values()) {
            if (!disconnect.settled() && !disconnect.dueAt().isAfter(now)) {
                disconnect.settle();
                justSettled.add(disconnect);
                for (String number : disconnect.accepted()) {
                    TnState state = state(number);
                    if (disconnect.purge()) {
                        free(state);
                    }
                    else {
                        state.status = Status.AGING;
                    }
                    state.lastModified = disconnect.dueAt();
                }
            }
        }
    }

    private static void free(TnState state) {
        state.status = Status.AVAILABLE;
        clearReservation(state);
        state.orderId = null;
        state.inServiceDate = null;
    }

    private static void clearReservation(TnState state) {
        state.reservationId = null;
        state.reservedUntil = null;
    }
}
