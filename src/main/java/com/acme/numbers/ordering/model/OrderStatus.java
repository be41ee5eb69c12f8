package com.acme.numbers.ordering.model;

import java.util.Locale;

/** Life-cycle state of a number order or a disconnect order. */
public enum OrderStatus {
    RECEIVED, PROCESSING, COMPLETE, PARTIAL, FAILED, BACKORDERED;

    /** Reads a status as Bandwidth spells it; anything unknown counts as still processing. */
    public static OrderStatus fromUpstream(String value) {
        if (value == null || value.isBlank()) {
            return RECEIVED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return PROCESSING;
        }
    }

    public boolean isFinal() {
        return this == COMPLETE || this == PARTIAL || this == FAILED;
    }
}
