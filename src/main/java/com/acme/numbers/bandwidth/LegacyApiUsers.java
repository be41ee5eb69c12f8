package com.acme.numbers.bandwidth;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators which accounts still authenticate with a legacy API user (HTTP Basic), which Bandwidth
 * decommissions on {@value #DECOMMISSIONED}: once per account when it is first used, and whenever Bandwidth refuses
 * one. Nothing else tells them before those accounts' calls start failing.
 */
final class LegacyApiUsers {

    static final String DECOMMISSIONED = "2026-12-02";

    private static final Logger log = LoggerFactory.getLogger(LegacyApiUsers.class);
    private static final LocalDate DECOMMISSION_DATE = LocalDate.parse(DECOMMISSIONED);
    private static final String REMEDY = "give it OAuth2 client credentials (client-id and client-secret) instead";

    private final Clock clock;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    LegacyApiUsers(Clock clock) {
        this.clock = clock;
    }

    /** An account's Basic credentials are about to be sent; warns the first time for each account. */
    void used(String accountId) {
        if (announced.add(accountId)) {
            log.warn("Account {} authenticates to Bandwidth with a legacy API user (HTTP Basic), which Bandwidth {} "
                    + "on {}: {}", accountId, decommissioned() ? "decommissioned" : "decommissions", DECOMMISSIONED,
                    REMEDY);
        }
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
