package com.acme.numbers.web.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-client request budget in one-second windows, so one noisy client cannot spend the Bandwidth account's
 * budget for everyone. Lock-free; one small counter per configured client.
 */
final class ClientRateLimiter {

    /** The outcome of one request: allowed or not, and what the RateLimit headers should say. */
    record Decision(boolean allowed, int limit, long remaining, long resetSeconds) {
    }

    private final Clock clock;
    private final Map<String, AtomicLong> windows = new ConcurrentHashMap<>();

    ClientRateLimiter(Clock clock) {
        this.clock = clock;
    }

    Decision tryAcquire(ApiClient client) {
        long now = clock.millis();
        long second = now / 1000;
        AtomicLong window = windows.computeIfAbsent(client.name(), name -> new AtomicLong());
        // high 32 bits: the window's second; low 32 bits: requests in it
        long updated = window.updateAndGet(packed -> (packed >>> 32) == second ? packed + 1 : (second << 32) | 1);
        long used = updated & 0xFFFFFFFFL;
        long remaining = Math.max(0, client.requestsPerSecond() - used);
        return new Decision(used <= client.requestsPerSecond(), client.requestsPerSecond(), remaining, 1);
    }
}
