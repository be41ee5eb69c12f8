package com.acme.numbers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.acme.numbers.ordering.model.OrderStatus;

/** What every ledger (memory, Redis) must do: one change, one event; one poller at a time; nothing lost. */
public abstract class OrderLedgerContract {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String account = "acct-" + UUID.randomUUID();

    protected abstract OrderLedger ledger();

    protected abstract EventOutbox outbox();

    @Test
    void anEntryIsAddedOnceAndItsFirstPollIsDueWhenSaid() {
        LedgerEntry entry = entry("o-1");
        assertThat(ledger().add(entry, now.plusSeconds(5)).block()).isTrue();
        assertThat(ledger().add(entry, now).block()).isFalse();

        assertThat(ledger().find(entry.key()).block()).isEqualTo(entry);
        assertThat(claimed(now.plusSeconds(4))).doesNotContain(entry.key());
        assertThat(claimed(now.plusSeconds(5))).contains(entry.key());
    }

    @Test
    void aStatusChangeIsRecordedOnceWithItsOneEvent() {
        LedgerEntry entry = entry("o-2");
        ledger().add(entry, now).block();
        OrderEvent event = event(entry.key(), OrderStatus.COMPLETE);

        assertThat(ledger().record(entry.key(), OrderStatus.COMPLETE, now, null, event).block()).isTrue();
        assertThat(ledger().record(entry.key(), OrderStatus.COMPLETE, now, null, event).block()).isFalse();

        List<OrderEvent> taken = takeMine("c1");
        assertThat(taken).containsExactly(event);
        assertThat(ledger().find(entry.key()).block().status()).isEqualTo(OrderStatus.COMPLETE);
        // final: never polled again
        assertThat(claimed(now.plus(Duration.ofDays(30)))).doesNotContain(entry.key());
    }

    @Test
    void aStatusForAnUnknownEntryChangesNothingAndEmitsNothing() {
        LedgerKey unknown = new LedgerKey(OrderKind.ORDER, account, "never-placed");
        assertThat(ledger().record(unknown, OrderStatus.FAILED, now, null, event(unknown, OrderStatus.FAILED))
                .block()).isFalse();
        assertThat(ledger().find(unknown).blockOptional()).isEmpty();
        assertThat(takeMine("c1")).isEmpty();
    }

    @Test
    void aClaimedPollIsHiddenFromOtherClaimsUntilItsLeaseEnds() {
        LedgerEntry entry = entry("o-3");
        ledger().add(entry, now).block();

        assertThat(claimed(now)).contains(entry.key());
        assertThat(claimed(now.plusSeconds(30))).doesNotContain(entry.key());
        assertThat(claimed(now.plus(LEASE).plusSeconds(1))).contains(entry.key());
    }

    @Test
    void backorderedStaysFollowedAndAScheduledPollIsCounted() {
        LedgerEntry entry = entry("o-4");
        ledger().add(entry, now).block();
        ledger().record(entry.key(), OrderStatus.BACKORDERED, now, now.plusSeconds(10),
                event(entry.key(), OrderStatus.BACKORDERED)).block();

        ledger().schedule(entry.key(), now.plusSeconds(20), true).block();

        assertThat(claimed(now.plusSeconds(15))).doesNotContain(entry.key());
        LedgerEntry due = ledger().claimDue(now.plusSeconds(20), 1000, LEASE)
                .filter(e -> e.key().equals(entry.key())).blockFirst();
        assertThat(due.polls()).isEqualTo(1);
        assertThat(due.status()).isEqualTo(OrderStatus.BACKORDERED);
        ledger().abandon(entry.key()).block();
        assertThat(claimed(now.plus(Duration.ofDays(1)))).doesNotContain(entry.key());
    }

    @Test
    void anEventTakenButNeverAcknowledgedIsTakenAgainByAnotherConsumer() {
        LedgerEntry entry = entry("o-5");
        ledger().add(entry, now).block();
        OrderEvent event = event(entry.key(), OrderStatus.FAILED);
        ledger().record(entry.key(), OrderStatus.FAILED, now, null, event).block();

        assertThat(takeMine("stopped-replica")).containsExactly(event);
        assertThat(takeMine("other-replica")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> takeMine("other-replica").contains(event));
        outbox().acknowledge(event.id()).block();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> takeMine("third-replica").isEmpty());
    }

    @Test
    void theAccountsEntriesAreListedNewestFirst() {
        ledger().add(entry("older", now.minusSeconds(60)), now).block();
        ledger().add(entry("newer", now), now).block();

        assertThat(ledger().list(account, 10).map(e -> e.key().id()).collectList().block())
                .containsExactly("newer", "older");
    }

    private List<LedgerKey> claimed(Instant at) {
        return ledger().claimDue(at, 1000, LEASE).map(LedgerEntry::key).collectList().block();
    }

    /** Events of this test's account only: other tests share the store. */
    private List<OrderEvent> takeMine(String consumer) {
        return outbox().take(consumer, 1000, Duration.ofMillis(300))
                .filter(e -> e.key().accountId().equals(account)).collectList().block();
    }

    private LedgerEntry entry(String id) {
        return entry(id, now);
    }

    private LedgerEntry entry(String id, Instant placedAt) {
        return new LedgerEntry(new LedgerKey(OrderKind.ORDER, account, id), "ops", "ticket-" + id, "key-" + id,
                OrderStatus.RECEIVED, placedAt, placedAt, 0);
    }

    private OrderEvent event(LedgerKey key, OrderStatus status) {
        return new OrderEvent(OrderEvents.eventId(key, status), EventType.of(key.kind(), status).orElseThrow(), key,
                now, "{\"id\":\"" + key.id() + "\",\"status\":\"" + status + "\"}");
    }
}
