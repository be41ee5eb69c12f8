package com.acme.numbers.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.acme.numbers.events.EventType;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderEvent;
import com.acme.numbers.events.OrderKind;
import com.acme.numbers.events.webhooks.Delivery;
import com.acme.numbers.events.webhooks.SigningSecret;
import com.acme.numbers.events.webhooks.Webhook;
import com.acme.numbers.support.RedisServer;

/** Subscriptions and deliveries in a real redis-server: what one replica stores, another reads and claims. */
class RedisWebhookStoreTests {

    private static final RedisServer REDIS = RedisServer.started();
    private static final ReactiveStringRedisTemplate redis = REDIS.template();
    private final RedisWebhookStore store = new RedisWebhookStore(redis, "test:", Duration.ofDays(7), 3,
            Duration.ofSeconds(2));
    private final RedisWebhookStore otherReplica = new RedisWebhookStore(redis, "test:", Duration.ofDays(7), 3,
            Duration.ofSeconds(2));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String account = "acct-" + UUID.randomUUID();

    @AfterAll
    static void stop() {
        REDIS.close();
    }

    @Test
    void aSubscriptionWithItsSecretsAndAnOddDescriptionReadsBackWhole() {
        Webhook webhook = webhook("wh-1", "tabs\tand\nnewlines, 100% ünïcode");
        store.save(webhook).block();

        assertThat(otherReplica.find(account, "wh-1").block()).isEqualTo(webhook);
        assertThat(otherReplica.list(account).collectList().block()).containsExactly(webhook);
        assertThat(otherReplica.find("another-account", "wh-1").blockOptional()).isEmpty();
    }

    @Test
    void aDeliveryIsAddedOnceClaimedByOneReplicaAndItsStateReadBack() {
        store.save(webhook("wh-2", null)).block();
        Delivery delivery = delivery("wh-2", "dlv-a", now);
        assertThat(store.add(delivery).block()).isTrue();
        assertThat(otherReplica.add(delivery).block()).isFalse();

        assertThat(store.claimDue(now, 10, Duration.ofMinutes(1)).map(Delivery::id).collectList().block())
                .contains("dlv-a");
        assertThat(otherReplica.claimDue(now, 10, Duration.ofMinutes(1)).map(Delivery::id).collectList().block())
                .doesNotContain("dlv-a");

        Delivery failed = new Delivery("dlv-a", "wh-2", delivery.event(), Delivery.Status.PENDING, 1, 503,
                "a\ttab", now, now.plusSeconds(5));
        store.update(failed).block();
        assertThat(otherReplica.delivery("wh-2", "dlv-a").block()).isEqualTo(failed);
        assertThat(otherReplica.claimDue(now.plusSeconds(5), 10, Duration.ofMinutes(1)).map(Delivery::id)
                .collectList().block()).contains("dlv-a");
    }

    @Test
    void onlyTheMostRecentDeliveriesAreListedNewestFirst() {
        store.save(webhook("wh-3", null)).block();
        for (int i = 1; i <= 5; i++) {
            store.add(delivery("wh-3", "dlv-" + i, now.plusSeconds(i))).block();
        }

        assertThat(store.deliveries("wh-3", 10).map(Delivery::id).collectList().block())
                .containsExactly("dlv-5", "dlv-4", "dlv-3");
    }

    @Test
    void deletingASubscriptionDropsItsPendingDeliveries() {
        store.save(webhook("wh-4", null)).block();
        store.add(delivery("wh-4", "dlv-x", now)).block();

        assertThat(store.delete(account, "wh-4").block()).isTrue();
        assertThat(store.delete(account, "wh-4").block()).isFalse();
        assertThat(store.claimDue(now.plusSeconds(60), 100, Duration.ofMinutes(1)).map(Delivery::id).collectList()
                .block()).doesNotContain("dlv-x");
    }

    private Webhook webhook(String id, String description) {
        return new Webhook(id, account, URI.create("https://hooks.example.com/in"),
                Set.of(EventType.ORDER_COMPLETED, EventType.DISCONNECT_FAILED), description, now,
                List.of(new SigningSecret("whsec_bmV3", null), new SigningSecret("whsec_b2xk", now.plusSeconds(60))));
    }

    private Delivery delivery(String webhookId, String id, Instant at) {
        OrderEvent event = new OrderEvent("msg_" + id, EventType.ORDER_COMPLETED,
                new LedgerKey(OrderKind.ORDER, account, "o-" + id), at, "{\"id\":\"o-" + id + "\",\"tab\":\"\\t\"}");
        return new Delivery(id, webhookId, event, Delivery.Status.PENDING, 0, null, null, null, at);
    }
}
