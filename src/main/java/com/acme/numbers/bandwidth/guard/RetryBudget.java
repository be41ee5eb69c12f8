package com.acme.numbers.bandwidth.guard;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket for retries: every inbound call earns {@code ratio} of a retry, every retry spends one, and the
 * balance never exceeds {@code minimum}. During an outage upstream attempts stay below
 * {@code (1 + ratio) x inbound + minimum} instead of multiplying by the attempt count.
 */
final class RetryBudget {

    private static final long UNIT = 1000;

    private final long earnedPerCall;
    private final long capacity;
    private final AtomicLong balance;

    RetryBudget(double ratio, int minimum) {
        this.earnedPerCall = Math.round(ratio * UNIT);
        this.capacity = Math.max(1, minimum) * UNIT;
        this.balance = new AtomicLong(capacity);
    }

    void onCall() {
        balance.accumulateAndGet(earnedPerCall, (current, earned) -> Math.min(capacity, current + earned));
    }

    /**
     * Gives back the token of a retry that was not made: Resilience4j asks whether to retry before it checks the
     * attempt limit, so the last attempt of an exhausted call takes a token it never uses.
     */
    void refund() {
        balance.accumulateAndGet(UNIT, (current, unit) -> Math.min(capacity, current + unit));
    }

    boolean tryRetry() {
        while (true) {
            long current = balance.get();
            if (current < UNIT) {
                return false;
            }
            if (balance.compareAndSet(current, current - UNIT)) {
                return true;
            }
        }
    }
}
