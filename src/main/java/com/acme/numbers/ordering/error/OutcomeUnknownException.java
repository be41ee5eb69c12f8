package com.acme.numbers.ordering.error;

/**
 * An order or disconnect was sent and Bandwidth may have accepted it, but its answer was lost (a timeout, a reset
 * after sending, a body that cannot be read) and a look-up by {@code customerOrderId} did not find it (yet). The
 * caller must not conclude it failed: a retry with the same Idempotency-Key finds it or places it once.
 */
public class OutcomeUnknownException extends OrderingException {

    private final String what;
    private final String customerOrderId;
    private final boolean timedOut;

    public OutcomeUnknownException(String what, String customerOrderId, boolean timedOut) {
        super("The outcome of the " + what + " is unknown: Bandwidth may have accepted it", null);
        this.what = what;
        this.customerOrderId = customerOrderId;
        this.timedOut = timedOut;
    }

    /** {@code order} or {@code disconnect}. */
    public String what() {
        return what;
    }

    /** The reference the order was sent with, by which it can be found; null when it had none. */
    public String customerOrderId() {
        return customerOrderId;
    }

    /** Whether the answer did not come in time (rather than came unreadable or was cut off). */
    public boolean timedOut() {
        return timedOut;
    }
}
