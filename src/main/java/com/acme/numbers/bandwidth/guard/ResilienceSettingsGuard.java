package com.acme.numbers.bandwidth.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start when {@code resilience4j.*} properties are set: the gateway builds its breakers, retries,
 * bulkheads and rate limiters from {@code gateway.resilience.*}, so Resilience4j's own properties would be silently
 * ignored, and an operator would believe a setting is in force that is not.
 */
public final class ResilienceSettingsGuard {

    private static final String PREFIX = "resilience4j.";
    private static final String ENVIRONMENT_PREFIX = "RESILIENCE4J_";

    private ResilienceSettingsGuard() {
    }

    public static void check(ConfigurableEnvironment environment) {
        List<String> ignored = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX) || name.startsWith(ENVIRONMENT_PREFIX)) {
                        ignored.add(name);
                    }
                }
            }
        }
        if (!ignored.isEmpty()) {
            throw new IllegalStateException("Resilience4j's own properties are not read by the gateway: " + ignored
                    + ". Set the gateway's instead: gateway.resilience.* (breaker-window, breaker-failure-rate, "
                    + "breaker-open-wait, retry-max-attempts, bulkhead-max-concurrent, account-rate-limit, ...; see "
                    + "the README's configuration table).");
        }
    }
}
