package com.acme.numbers.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import com.acme.numbers.ordering.NumberOrdering;
import com.acme.numbers.ordering.error.NotFoundException;

/**
 * Bandwidth never retries a notification, so callbacks only make events faster; this is what makes them complete.
 * Every sweep claims the unfinished orders whose poll is due (the ledger's lease keeps it to one poller per order
 * across replicas), asks Bandwidth, and reports what it finds. Polls back off from {@code firstPoll} to
 * {@code longestPoll}; after {@code followFor} an order is given up with a log line. A sweep polls at most
 * {@code pollsPerSweep} orders, and every poll goes through the adapter's rate limiter for the account.
 */
public final class Reconciler extends Sweeping {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final OrderLedger ledger;
    private final NumberOrdering upstream;
    private final OrderEvents events;
    private final EventsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Sinks.Many<Boolean> kicks = Sinks.many().multicast().directBestEffort();
    private final Set<LedgerKey> announced = ConcurrentHashMap.newKeySet();

    public Reconciler(OrderLedger ledger, NumberOrdering upstream, OrderEvents events, EventsProperties properties,
            Clock clock, MeterRegistry meters) {
        this.ledger = ledger;
        this.upstream = upstream;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** A callback announced a change: sweep now rather than at the next tick. */
    public Mono<Void> announce(OrderNotice notice) {
        return events.notified(notice).doOnSuccess(done -> {
            announced.add(notice.key());
            kicks.tryEmitNext(true);
        });
    }

    /** One sweep: claims the due polls and runs them; completes when all are recorded. */
    @Override
    public Mono<Void> sweep() {
        Instant now = clock.instant();
        return ledger.claimDue(now, properties.pollsPerSweep(), properties.lease())
                .flatMap(entry -> poll(entry, now), 4)
                .then();
    }

    private Mono<Void> poll(LedgerEntry entry, Instant now) {
        LedgerKey key = entry.key();
        if (entry.placedAt().plus(properties.followFor()).isBefore(now)) {
            log.warn("Stopped following {} {} of account {} after {}: still {}", key.kind(), key.id(),
                    key.accountId(), properties.followFor(), entry.status());
            meters.counter("gateway.reconciler.polls", "outcome", "abandoned", "source", "reconciler").increment();
            return ledger.abandon(key);
        }
        String source = announced.remove(key) ? "callback" : "reconciler";
        int polls = entry.polls() + 1;
        Mono<Boolean> read = key.kind() == OrderKind.ORDER
                ? upstream.order(key.accountId(), key.id()).flatMap(o -> events.seen(key, o, source, polls))
                : upstream.disconnectOrder(key.accountId(), key.id()).flatMap(d -> events.seen(key, d, source, polls));
        return read.flatMap(changed -> {
            meters.counter("gateway.reconciler.polls", "outcome", changed ? "changed" : "unchanged", "source", source)
                    .increment();
            if (changed) {
                return Mono.<Void>empty();
            }
            // Bandwidth announced news its read does not show yet: look again soon, without backing off
            return "callback".equals(source) ? ledger.schedule(key, clock.instant().plus(properties.firstPoll()), false)
                    : ledger.schedule(key, later(entry), true);
        }).onErrorResume(NotFoundException.class, gone -> {
            log.warn("Bandwidth does not know {} {} of account {}; no longer followed", key.kind(), key.id(),
                    key.accountId());
            meters.counter("gateway.reconciler.polls", "outcome", "abandoned", "source", source).increment();
            return ledger.abandon(key);
        }).onErrorResume(ex -> {
            meters.counter("gateway.reconciler.polls", "outcome", "failed", "source", source).increment();
            return ledger.schedule(key, later(entry), true);
        });
    }

    private Instant later(LedgerEntry entry) {
        return clock.instant().plus(properties.pollDelay(entry.polls() + 1));
    }

    @Override
    protected Flux<?> ticks() {
        return Flux.merge(Flux.interval(properties.sweepInterval()).map(tick -> true), kicks.asFlux());
    }
}
