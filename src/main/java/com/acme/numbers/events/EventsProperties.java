package com.acme.numbers.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order ledger and its reconciler ({@code gateway.events.*}).
 *
 * @param firstPoll when the reconciler first asks Bandwidth about an unfinished order; each later poll waits twice
 *        as long, up to {@code longestPoll}
 * @param longestPoll the longest wait between two polls of one order
 * @param followFor how long an unfinished order is followed before the reconciler gives up (BACKORDERED orders
 *        may take days)
 * @param sweepInterval how often the reconciler looks for polls that are due
 * @param pollsPerSweep the most orders polled in one sweep, so the reconciler never takes the account's whole
 *        Bandwidth rate limit
 * @param lease how long a replica holds an order it is polling before another may take it
 * @param maxEntries entries kept by the in-memory ledger before the oldest are forgotten
 */
@ConfigurationProperties("gateway.events")
public record EventsProperties(
        @DefaultValue("5s") Duration firstPoll,
        @DefaultValue("1h") Duration longestPoll,
        @DefaultValue("8d") Duration followFor,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("10") int pollsPerSweep,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("100000") int maxEntries) {

    /** The wait before poll number {@code polls + 1}: doubling from {@code firstPoll}, capped. */
    public Duration pollDelay(int polls) {
        Duration delay = firstPoll;
        for (int i = 0; i < polls && delay.compareTo(longestPoll) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longestPoll) < 0 ? delay : longestPoll;
    }
}
