package com.acme.numbers.bandwidth.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers Bandwidth's 429s: no call for that account and group goes out before its X-RateLimit-Reset. */
final class ThrottleGate {

    private final Clock clock;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    ThrottleGate(Clock clock) {
        this.clock = clock;
    }

    void block(String accountId, UpstreamOperation.Group group, Duration retryAfter) {
        blockedUntil.merge(key(accountId, group), clock.instant().plus(retryAfter),
                (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Time left before calls may go out again, or zero. */
    Duration remaining(String accountId, UpstreamOperation.Group group) {
        String key = key(accountId, group);
        Instant until = blockedUntil.get(key);
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            blockedUntil.remove(key, until);
            return Duration.ZERO;
        }
        return left;
    }

    private static String key(String accountId, UpstreamOperation.Group group) {
        return accountId + '/' + group;
    }
}
