package com.acme.numbers.bandwidth.guard;

import java.util.Locale;

import org.springframework.http.HttpMethod;

/**
 * Every upstream call the adapter makes, with its operation group (one breaker and bulkhead each), whether it is
 * safe to retry (reads and releasing a reservation are; creating reservations, orders and disconnects is not), and
 * the document Bandwidth answers it with.
 */
public enum UpstreamOperation {
    SEARCH(HttpMethod.GET, Group.SEARCH, true, "number search", "SearchResult", true),
    RESERVE(HttpMethod.POST, Group.RESERVATION, false, "reservation", "ReservationResponse", false),
    READ_RESERVATION(HttpMethod.GET, Group.RESERVATION, true, "reservation", "ReservationResponse", true),
    RELEASE_RESERVATION(HttpMethod.DELETE, Group.RESERVATION, true, "reservation", "ReservationResponse", false),
    PLACE_ORDER(HttpMethod.POST, Group.ORDER, false, "order", "OrderResponse", true),
    READ_ORDER(HttpMethod.GET, Group.READ, true, "order", "OrderResponse", true),
    LIST_ORDERS(HttpMethod.GET, Group.READ, true, "order list", "ResponseSelectWrapper", false),
    DISCONNECT(HttpMethod.POST, Group.DISCONNECT, false, "disconnect", "DisconnectTelephoneNumberOrderResponse", true),
    READ_DISCONNECT(HttpMethod.GET, Group.READ, true, "disconnect", "DisconnectTelephoneNumberOrderResponse", true),
    READ_NUMBER(HttpMethod.GET, Group.READ, true, "number", "TelephoneNumberResponse", true),
    READ_SITE(HttpMethod.GET, Group.READ, true, "site", "SiteResponse", true),
    READ_SIP_PEER(HttpMethod.GET, Group.READ, true, "SIP peer", "SipPeerResponse", true),
    LIST_SUBSCRIPTIONS(HttpMethod.GET, Group.SUBSCRIPTION, true, "subscription list", "SubscriptionsResponse", false),
    CREATE_SUBSCRIPTION(HttpMethod.POST, Group.SUBSCRIPTION, false, "subscription", "SubscriptionResponse", false),
    UPDATE_SUBSCRIPTION(HttpMethod.PUT, Group.SUBSCRIPTION, true, "subscription", "SubscriptionResponse", false);

    /** UpstreamOperation groups; the lower-case names are the Resilience4j instance names ({@code bandwidth-search}, ...). */
    public enum Group {
        SEARCH, RESERVATION, ORDER, DISCONNECT, READ, SUBSCRIPTION;

        String instanceName() {
            return "bandwidth-" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final HttpMethod method;
    private final Group group;
    private final boolean safe;
    private final String description;
    private final String root;
    private final boolean bodyExpected;

    UpstreamOperation(HttpMethod method, Group group, boolean safe, String description, String root, boolean bodyExpected) {
        this.method = method;
        this.group = group;
        this.safe = safe;
        this.description = description;
        this.root = root;
        this.bodyExpected = bodyExpected;
    }

    public HttpMethod method() {
        return method;
    }

    Group group() {
        return group;
    }

    boolean safe() {
        return safe;
    }

    public String description() {
        return description;
    }

    /** The root element of Bandwidth's answer, on success and in its error carriers A to C. */
    public String root() {
        return root;
    }

    /** Whether a successful answer always has a body (a new reservation, a release and an empty list need none). */
    public boolean bodyExpected() {
        return bodyExpected;
    }
}
