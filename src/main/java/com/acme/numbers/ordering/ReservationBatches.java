package com.acme.numbers.ordering;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import com.acme.numbers.ordering.error.AccountNotFoundException;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.NumberUnavailableException;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.model.AvailableNumber;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.ReservationBatch;
import com.acme.numbers.ordering.model.ReservationBatch.Entry;
import com.acme.numbers.ordering.model.ReservationBatch.Status;
import com.acme.numbers.ordering.model.SearchCriteria;

/**
 * Reserves sets of numbers (Bandwidth holds one per call) and cleans up after itself: with {@code atomic}, a number
 * that cannot be held releases every number the batch held. Calls go out a few at a time, within the account's rate
 * limit: a call the limit refused was never sent, so it waits and goes again.
 */
public class ReservationBatches {

    /** Numbers a batch may hold at most. */
    public static final int MAX_NUMBERS = 100;
    private static final int CONCURRENCY = 8;
    private static final int THROTTLED_RETRIES = 60;
    private static final int SEARCH_ROUNDS = 5;

    private final NumberInventory inventory;
    private final ReservationBatchStore store;
    private final Clock clock;

    public ReservationBatches(NumberInventory inventory, ReservationBatchStore store, Clock clock) {
        this.inventory = inventory;
        this.store = store;
        this.clock = clock;
    }

    /** @return the batch as it came out; saved before it is returned */
    public Mono<ReservationBatch> reserve(String accountId, List<PhoneNumber> numbers, boolean atomic) {
        return Mono.defer(() -> {
            checkSize(numbers);
            ReservationBatch started = new ReservationBatch(UUID.randomUUID().toString(), accountId, Status.RESERVED,
                    atomic, clock.instant(), List.of());
            return Flux.fromIterable(numbers).flatMapSequential(n -> reserveOne(accountId, n), CONCURRENCY)
                    .collectList()
                    .flatMap(entries -> settle(started, entries, held(entries) == entries.size()))
                    .flatMap(batch -> store.save(batch).thenReturn(batch));
        });
    }

    /**
     * Searches and reserves until the batch holds {@code quantity} numbers: numbers taken between the search and the
     * reservation are searched for again, at most {@value #SEARCH_ROUNDS} searches. Short of the quantity when the
     * search runs dry, an atomic batch releases what it held.
     */
    public Mono<ReservationBatch> reserveFound(String accountId, SearchCriteria criteria, int quantity,
            boolean atomic) {
        return Mono.defer(() -> {
            if (quantity < 1 || quantity > MAX_NUMBERS) {
                throw InvalidRequestException.of("quantity", "must be between 1 and " + MAX_NUMBERS);
            }
            SearchRules.validate(new NumberSearch(criteria, quantity, false, null, null, null));
            ReservationBatch started = new ReservationBatch(UUID.randomUUID().toString(), accountId, Status.RESERVED,
                    atomic, clock.instant(), List.of());
            return searchRound(accountId, criteria, quantity, new ArrayList<>(), 1)
                    .flatMap(entries -> settle(started, entries, held(entries) >= quantity))
                    .flatMap(batch -> store.save(batch).thenReturn(batch));
        });
    }

    private Mono<List<Entry>> searchRound(String accountId, SearchCriteria criteria, int quantity,
            List<Entry> tried, int round) {
        int needed = quantity - held(tried);
        if (needed <= 0 || round > SEARCH_ROUNDS) {
            return Mono.just(tried);
        }
        Set<PhoneNumber> seen = new LinkedHashSet<>();
        tried.forEach(e -> seen.add(e.phoneNumber()));
        NumberSearch search = new NumberSearch(criteria, Math.min(5000, seen.size() + 2 * needed), false, null, null,
                null);
        return inventory.search(accountId, search)
                .map(found -> found.numbers().stream().map(AvailableNumber::phoneNumber)
                        .filter(n -> !seen.contains(n)).limit(needed).toList())
                .flatMap(fresh -> fresh.isEmpty() ? Mono.just(tried)
                        : Flux.fromIterable(fresh).flatMapSequential(n -> reserveOne(accountId, n), CONCURRENCY)
                                .collectList()
                                .flatMap(entries -> {
                                    List<Entry> all = new ArrayList<>(tried);
                                    all.addAll(entries);
                                    return searchRound(accountId, criteria, quantity, all, round + 1);
                                }));
    }

    public Mono<ReservationBatch> batch(String accountId, String batchId) {
        return store.find(accountId, batchId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No reservation batch " + batchId, null)));
    }

    /** Releases every number the batch still holds; a number already gone (expired, ordered) counts as released. */
    public Mono<ReservationBatch> release(String accountId, String batchId) {
        return batch(accountId, batchId)
                .flatMap(batch -> releaseHeld(accountId, batch.entries())
                        .map(entries -> batch.with(batch.status() == Status.ABORTED ? Status.ABORTED : Status.RELEASED,
                                entries)))
                .flatMap(batch -> store.save(batch).thenReturn(batch));
    }

    private static void checkSize(List<PhoneNumber> numbers) {
        if (numbers.isEmpty() || numbers.size() > MAX_NUMBERS) {
            throw InvalidRequestException.of("numbers", "must list 1 to " + MAX_NUMBERS + " numbers");
        }
        Set<PhoneNumber> distinct = new LinkedHashSet<>(numbers);
        if (distinct.size() != numbers.size()) {
            throw InvalidRequestException.of("numbers", "lists a number more than once");
        }
    }

    private Mono<Entry> reserveOne(String accountId, PhoneNumber number) {
        return inventory.reserve(accountId, number).retryWhen(whenThrottled())
                .map(reservation -> Entry.reserved(number, reservation))
                // an unknown account fails the whole batch (404); anything else is this number's
                .onErrorResume(ex -> ex instanceof OrderingException && !(ex instanceof AccountNotFoundException),
                        ex -> Mono.just(Entry.failed(number, codeOf((OrderingException) ex),
                                ((OrderingException) ex).upstreamCode(), !(ex instanceof NumberUnavailableException))));
    }

    /** Kept when every number wanted is held, or when not atomic; else every number held is released. */
    private Mono<ReservationBatch> settle(ReservationBatch started, List<Entry> entries, boolean allHeld) {
        if (allHeld) {
            return Mono.just(started.with(Status.RESERVED, entries));
        }
        if (!started.atomic()) {
            return Mono.just(started.with(Status.PARTIAL, entries));
        }
        return releaseHeld(started.accountId(), entries).map(released -> started.with(Status.ABORTED, released));
    }

    private Mono<List<Entry>> releaseHeld(String accountId, List<Entry> entries) {
        return Flux.fromIterable(entries).flatMapSequential(entry -> entry.state() != ReservationBatch.State.RESERVED
                ? Mono.just(entry)
                : inventory.release(accountId, entry.reservationId()).retryWhen(whenThrottled())
                        .onErrorResume(NotFoundException.class, gone -> Mono.empty())
                        .thenReturn(entry.released())
                        // a release that failed leaves the hold to expire; the entry says it is still held
                        .onErrorReturn(entry), CONCURRENCY)
                .collectList().map(ArrayList::new);
    }

    /*
     * A call the rate limit refused was never sent (the adapter answers a hold whose details it could not read as
     * held), so it waits as long as the limit says and goes again.
     */
    private static Retry whenThrottled() {
        return Retry.from(signals -> signals.concatMap(signal -> signal.failure()
                instanceof UpstreamThrottledException throttled && signal.totalRetries() < THROTTLED_RETRIES
                ? Mono.delay(throttled.retryAfter()) : Mono.error(signal.failure())));
    }

    private static int held(List<Entry> entries) {
        return (int) entries.stream().filter(e -> e.state() == ReservationBatch.State.RESERVED).count();
    }

    private static String codeOf(OrderingException ex) {
        String name = ex.getClass().getSimpleName().replace("Exception", "");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
