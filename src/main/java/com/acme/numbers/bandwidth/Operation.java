package com.acme.numbers.bandwidth;

import java.util.Locale;

import org.springframework.http.HttpMethod;

/**
 * Every upstream call the adapter makes, with its operation group (one breaker and bulkhead each) and whether it
 * is safe to retry: reads and releasing a reservation are; creating reservations, orders and disconnects is not.
 */
enum Operation {
    SEARCH(HttpMethod.GET, Group.SEARCH, true, "number search"),
    RESERVE(HttpMethod.POST, Group.RESERVATION, false, "reservation"),
    READ_RESERVATION(HttpMethod.GET, Group.RESERVATION, true, "reservation"),
    RELEASE_RESERVATION(HttpMethod.DELETE, Group.RESERVATION, true, "reservation"),
    PLACE_ORDER(HttpMethod.POST, Group.ORDER, false, "order"),
    READ_ORDER(HttpMethod.GET, Group.READ, true, "order"),
    LIST_ORDERS(HttpMethod.GET, Group.READ, true, "order list"),
    DISCONNECT(HttpMethod.POST, Group.DISCONNECT, false, "disconnect"),
    READ_DISCONNECT(HttpMethod.GET, Group.READ, true, "disconnect"),
    READ_NUMBER(HttpMethod.GET, Group.READ, true, "number");

    /** Operation groups; the lower-case names are the Resilience4j instance names ({@code bandwidth-search}, ...). */
    enum Group {
        SEARCH, RESERVATION, ORDER, DISCONNECT, READ;

        String instanceName() {
            return "bandwidth-" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final HttpMethod method;
    private final Group group;
    private final boolean safe;
    private final String description;

    Operation(HttpMethod method, Group group, boolean safe, String description) {
        this.method = method;
        this.group = group;
        this.safe = safe;
        this.description = description;
    }

    HttpMethod method() {
        return method;
    }

    Group group() {
        return group;
    }

    boolean safe() {
        return safe;
    }

    String description() {
        return description;
    }
}
