package com.acme.numbers.sandbox.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults switched on at run time through {@code /sandbox/admin/faults}, for demos and resilience tests: added
 * latency, an HTTP status for a share of calls, 429 with {@code X-RateLimit-Reset}, malformed bodies, and lost
 * notifications.
 */
public final class SandboxFaults {

    /**
     * @param latency delay added before every sandbox answer
     * @param failureStatus HTTP status answered instead, for a share of calls (null: none)
     * @param failureRate share of calls (0 to 1) that get {@code failureStatus}
     * @param rateLimitedUntil until when every call gets 429, or null
     * @param malformedBody answer 200 with a broken XML body
     * @param dropNotifications send no Notification when orders and disconnects finish (Bandwidth never resends one)
     */
    public record Settings(Duration latency, Integer failureStatus, double failureRate, Instant rateLimitedUntil,
            boolean malformedBody, boolean dropNotifications) {

        static final Settings NONE = new Settings(Duration.ZERO, null, 0, null, false, false);
    }

    private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.NONE);

    public Settings current() {
        return settings.get();
    }

    public void set(Settings value) {
        settings.set(value);
    }

    public void clear() {
        settings.set(Settings.NONE);
    }

    boolean rateLimited(Instant now) {
        Instant until = current().rateLimitedUntil();
        return until != null && until.isAfter(now);
    }

    boolean failsThisCall() {
        Settings s = current();
        return s.failureStatus() != null && ThreadLocalRandom.current().nextDouble() < s.failureRate();
    }
}
