package com.acme.numbers.events.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks to internal subscribers ({@code gateway.webhooks.*}).
 *
 * @param allowedHosts host patterns a subscriber URL may name over https ({@code hooks.example.com},
 *        {@code *.svc.cluster.local}); empty: none
 * @param insecureHttpHosts host patterns allowed over plain http (for example {@code 127.0.0.1} in development)
 * @param firstRetry wait before the second attempt; each later one waits twice as long (with jitter)
 * @param longestRetry the longest wait between two attempts
 * @param giveUpAfter how long after the event a delivery is retried before it is marked failed
 * @param timeout how long one attempt may take (connect and answer)
 * @param concurrencyPerSubscriber attempts in flight to one subscriber at once
 * @param secretOverlap after a rotation, how long the old secret still signs beside the new one
 * @param sweepInterval how often due deliveries are looked for
 * @param redeliverAfter how long an event taken from the outbox by a replica may stay unacknowledged before another
 *        replica takes it (the first one stopped)
 * @param deliveriesKept recent deliveries kept per subscription for {@code GET …/deliveries}
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhooksProperties(
        List<String> allowedHosts,
        List<String> insecureHttpHosts,
        @DefaultValue("5s") Duration firstRetry,
        @DefaultValue("1h") Duration longestRetry,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("4") int concurrencyPerSubscriber,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("200ms") Duration sweepInterval,
        @DefaultValue("30s") Duration redeliverAfter,
        @DefaultValue("100") int deliveriesKept) {

    public WebhooksProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        insecureHttpHosts = insecureHttpHosts == null ? List.of() : List.copyOf(insecureHttpHosts);
    }

    /** The wait after attempt number {@code attempts}, before jitter. */
    public Duration retryDelay(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(longestRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longestRetry) < 0 ? delay : longestRetry;
    }
}
