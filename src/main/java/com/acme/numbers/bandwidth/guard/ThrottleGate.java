package com.acme.numbers.bandwidth.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Remembers Bandwidth's 429s: no call for that account and group goes out before its X-RateLimit-Reset. Checked on
 * every call, so always in memory; a closure this replica sees is also handed to {@code onClose} (which tells the
 * other replicas), and one they saw arrives through {@link #apply}.
 */
public final class ThrottleGate {

    /** One account's operation group closed until an instant. */
    public record Closure(String accountId, UpstreamOperation.Group group, Instant until) {
    }

    private final Clock clock;
    private final Consumer<Closure> onClose;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public ThrottleGate(Clock clock) {
        this(clock, closure -> {
        });
    }

    public ThrottleGate(Clock clock, Consumer<Closure> onClose) {
        this.clock = clock;
        this.onClose = onClose;
    }

    void block(String accountId, UpstreamOperation.Group group, Duration retryAfter) {
        Closure closure = new Closure(accountId, group, clock.instant().plus(retryAfter));
        apply(closure);
        onClose.accept(closure);
    }

    /** A closure, seen here or by another replica. */
    public void apply(Closure closure) {
        blockedUntil.merge(key(closure.accountId(), closure.group()), closure.until(),
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
