package com.acme.numbers.events;

import java.util.Optional;

import com.acme.numbers.ordering.model.OrderStatus;

/** The events subscribers can ask for: one per final (or backordered) status of an order or a disconnect. */
public enum EventType {
    ORDER_COMPLETED("order.completed"),
    ORDER_PARTIAL("order.partial"),
    ORDER_FAILED("order.failed"),
    ORDER_BACKORDERED("order.backordered"),
    DISCONNECT_COMPLETED("disconnect.completed"),
    DISCONNECT_PARTIAL("disconnect.partial"),
    DISCONNECT_FAILED("disconnect.failed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name subscribers see, for example {@code order.completed}. */
    public String wireName() {
        return wireName;
    }

    /** @return the type named {@code wireName}, or empty */
    public static Optional<EventType> named(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** @return the event a change to {@code status} emits; none for RECEIVED and PROCESSING */
    public static Optional<EventType> of(OrderKind kind, OrderStatus status) {
        String suffix = switch (status) {
            case COMPLETE -> "completed";
            case PARTIAL -> "partial";
            case FAILED -> "failed";
            case BACKORDERED -> "backordered";
            default -> null;
        };
        return suffix == null ? Optional.empty() : named(kind.eventPrefix() + "." + suffix);
    }
}
