package com.acme.numbers.bandwidth;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.acme.numbers.bandwidth.guard.UpstreamMetrics;

/**
 * Tells operators which accounts still authenticate with a legacy API user (HTTP Basic), which Bandwidth
 * decommissions on {@value #DECOMMISSIONED}: a warning per account when it is first used, a counter of such calls per
 * account (for the alert rule), and an error whenever Bandwidth refuses one after that date. Nothing else tells them
 * before those accounts' calls start failing.
 */
final class LegacyApiUserReporter {

    static final String DECOMMISSIONED = "2026-12-02";

    private static final Logger log = LoggerFactory.getLogger(LegacyApiUserReporter.class);
    private static final LocalDate DECOMMISSION_DATE = LocalDate.parse(DECOMMISSIONED);
    private static final String REMEDY = "give it OAuth2 client credentials (client-id and client-secret) instead";

    private final Clock clock;
    private final UpstreamMetrics metrics;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();

    LegacyApiUserReporter(Clock clock, UpstreamMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /** An account's Basic credentials are about to be sent. */
    void used(String accountId) {
        calls.computeIfAbsent(accountId, this::announce).increment();
    }

    private Counter announce(String accountId) {
        log.warn("Account {} authenticates to Bandwidth with a legacy API user (HTTP Basic), which Bandwidth {} on {}: "
                + "{}", accountId, decommissioned() ? "decommissioned" : "decommissions", DECOMMISSIONED, REMEDY);
        return metrics.legacyAuthCalls(accountId, DECOMMISSIONED);
    }

    /** Bandwidth refused an account's Basic credentials. */
    void refused(String accountId) {
        if (decommissioned()) {
            log.error("Bandwidth refused the legacy API user of account {}; Bandwidth decommissioned legacy API users "
                    + "on {}: {}", accountId, DECOMMISSIONED, REMEDY);
        }
    }

    private boolean decommissioned() {
        return !LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).isBefore(DECOMMISSION_DATE);
    }
}
