package com.acme.numbers.events;

import java.util.Locale;

/** The two kinds of asynchronous work the gateway follows: number orders and disconnect orders. */
public enum OrderKind {
    ORDER("orders", "order"), DISCONNECT("disconnects", "disconnect");

    private final String bandwidthType;
    private final String eventPrefix;

    OrderKind(String bandwidthType, String eventPrefix) {
        this.bandwidthType = bandwidthType;
        this.eventPrefix = eventPrefix;
    }

    /** The {@code OrderType} Bandwidth uses in subscriptions and notifications. */
    public String bandwidthType() {
        return bandwidthType;
    }

    String eventPrefix() {
        return eventPrefix;
    }

    /** @return the kind Bandwidth calls {@code orderType}, or null for one the gateway does not follow */
    public static OrderKind ofBandwidthType(String orderType) {
        if (orderType == null) {
            return null;
        }
        String type = orderType.trim().toLowerCase(Locale.ROOT);
        for (OrderKind kind : values()) {
            if (kind.bandwidthType.equals(type)) {
                return kind;
            }
        }
        return null;
    }
}
