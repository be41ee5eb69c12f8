package com.acme.numbers.ordering;

import java.util.regex.Pattern;

import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.OrderQuery;

/** Validates new orders and disconnects before they can reach Bandwidth. */
final class OrderRules {

    static final Pattern CUSTOMER_ORDER_ID = Pattern.compile("[A-Za-z0-9 -]{1,40}");
    static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,12}");

    private OrderRules() {
    }

    static void validate(NewOrder order) {
        FieldChecks checks = new FieldChecks();
        if (order.name() == null || order.name().isBlank()) {
            checks.add("name", "is required");
        }
        else if (order.name().length() > 50) {
            checks.add("name", "must be at most 50 characters");
        }
        if (order.siteId() == null) {
            checks.add("siteId", "is required (this account has no default site)");
        }
        checks.pattern("siteId", order.siteId(), NUMERIC_ID, "must be a numeric site id");
        checks.pattern("peerId", order.peerId(), NUMERIC_ID, "must be a numeric SIP peer id");
        checks.pattern("customerOrderId", order.customerOrderId(), CUSTOMER_ORDER_ID,
                "must be 1 to 40 letters, digits, spaces or dashes");
        if (order.selection() == null || order.selection().type() == null) {
            checks.add("selection.type", "is required");
        }
        else {
            SelectionRules.check(order.selection(), checks);
            if (order.backOrderRequested() && !order.selection().type().allowsBackOrder()) {
                checks.add("backOrderRequested", "is not allowed for selection type " + order.selection().type());
            }
        }
        checks.throwIfAny();
    }

    static void validate(NewDisconnect disconnect) {
        FieldChecks checks = new FieldChecks();
        int count = disconnect.phoneNumbers().size();
        if (count < 1 || count > 5000) {
            checks.add("phoneNumbers", "must hold between 1 and 5000 numbers");
        }
        if (disconnect.name() != null && disconnect.name().length() > 50) {
            checks.add("name", "must be at most 50 characters");
        }
        checks.pattern("customerOrderId", disconnect.customerOrderId(), CUSTOMER_ORDER_ID,
                "must be 1 to 40 letters, digits, spaces or dashes");
        checks.throwIfAny();
    }

    static void validate(OrderQuery query) {
        FieldChecks checks = new FieldChecks();
        checks.range("size", query.size(), 1, 1000);
        checks.pattern("customerOrderId", query.customerOrderId(), CUSTOMER_ORDER_ID,
                "must be 1 to 40 letters, digits, spaces or dashes");
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            checks.add("from", "must not be after to");
        }
        checks.throwIfAny();
    }
}
