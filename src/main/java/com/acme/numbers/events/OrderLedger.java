package com.acme.numbers.events;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.model.OrderStatus;

/**
 * Port: every order and disconnect the gateway follows, with the last status seen. It is the one place that decides
 * whether a status is new, and it appends the event for a new one in the same step, so each change is emitted
 * exactly once whoever saw it first.
 */
public interface OrderLedger {

    /**
     * Records an entry unless one exists, to be polled from {@code firstPoll} on while unfinished.
     *
     * @return whether it was new
     */
    Mono<Boolean> add(LedgerEntry entry, Instant firstPoll);

    /** @return the entry, or empty */
    Mono<LedgerEntry> find(LedgerKey key);

    /** @return the account's entries, newest first, at most {@code limit} */
    Flux<LedgerEntry> list(String accountId, int limit);

    /**
     * Records {@code status} for a known entry; when it differs from the last one seen, appends {@code event} (if
     * not null) to the outbox in the same step.
     *
     * @param nextPoll when the reconciler should ask again; null stops following it
     * @return whether the status changed; false also for an entry the ledger does not hold
     */
    Mono<Boolean> record(LedgerKey key, OrderStatus status, Instant at, Instant nextPoll, OrderEvent event);

    /** Moves the next poll of an entry (a callback announces news: poll now; a failed poll: later). */
    Mono<Void> schedule(LedgerKey key, Instant nextPoll, boolean countPoll);

    /** Stops following an entry without a status change (the reconciler gave up). */
    Mono<Void> abandon(LedgerKey key);

    /**
     * Claims entries whose poll is due: each is hidden from other claims for {@code lease}, so one poller at a time
     * follows an order across replicas.
     */
    Flux<LedgerEntry> claimDue(Instant now, int max, Duration lease);
}
