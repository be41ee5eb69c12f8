package com.acme.numbers.bandwidth.guard;

import java.util.Locale;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows each operation group's circuit breaker in the health details. Always UP, and not in the readiness group:
 * a Bandwidth outage must not take every gateway pod out of its Service (callers then get fast 503s instead).
 */
public final class BandwidthHealthIndicator implements HealthIndicator {

    private final UpstreamGuard guard;

    public BandwidthHealthIndicator(UpstreamGuard guard) {
        this.guard = guard;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (UpstreamOperation.Group group : UpstreamOperation.Group.values()) {
            var breaker = guard.breaker(group);
            float failureRate = breaker.getMetrics().getFailureRate();
            // Resilience4j reports -1 until the window holds the minimum number of calls.
            String rate = failureRate < 0 ? "not enough calls yet" : "failure rate " + failureRate + "%";
            health.withDetail(group.name().toLowerCase(Locale.ROOT), breaker.getState().name() + " (" + rate + ")");
        }
        return health.build();
    }
}
