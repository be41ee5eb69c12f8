package com.acme.numbers.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

import com.acme.numbers.ordering.OrderWatch;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderStatus;

/**
 * Every source of a status (the placement, a caller's read, {@code Prefer: wait}, a Bandwidth callback, the
 * reconciler) reports it here; the ledger decides whether it is new, and a new one is an event. Ledger trouble
 * never fails a caller's request: the order exists at Bandwidth whatever the ledger says, so it is logged and
 * counted ({@code gateway.state.degraded{feature="ledger"}}).
 */
public class OrderEvents implements OrderWatch {

    /** Reactor context keys the web room sets, so the ledger knows who placed an order and with which key. */
    public static final String CALLER = "numbers.ledger.caller";
    public static final String IDEMPOTENCY_KEY = "numbers.ledger.idempotency-key";

    private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

    private final OrderLedger ledger;
    private final EventData data;
    private final EventsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Sinks.Many<LedgerKey> changes = Sinks.many().multicast().directBestEffort();

    public OrderEvents(OrderLedger ledger, EventData data, EventsProperties properties, Clock clock,
            MeterRegistry meters) {
        this.ledger = ledger;
        this.data = data;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Records a new order or disconnect before its answer goes back, then its first status. */
    Mono<Void> placed(LedgerKey key, String customerOrderId, OrderStatus status, Supplier<String> view,
            ContextView context) {
        Instant now = clock.instant();
        LedgerEntry entry = new LedgerEntry(key, context.getOrDefault(CALLER, null), customerOrderId,
                context.getOrDefault(IDEMPOTENCY_KEY, null), OrderStatus.RECEIVED, now, now, 0);
        return ledger.add(entry, now.plus(properties.firstPoll()))
                .then(status == OrderStatus.RECEIVED ? Mono.empty() : record(key, status, view, "placement", 0))
                .then()
                .onErrorResume(ex -> degraded("record a placed order", ex));
    }

    /** An order as someone read it from Bandwidth, under the id it was asked for. */
    Mono<Boolean> seen(LedgerKey key, NumberOrder order, String source, int polls) {
        return record(key, order.status(), () -> data.of(order), source, polls);
    }

    /** A disconnect as someone read it from Bandwidth, under the id it was asked for. */
    Mono<Boolean> seen(LedgerKey key, Disconnect disconnect, String source, int polls) {
        return record(key, disconnect.status(), () -> data.of(disconnect), source, polls);
    }

    /**
     * Bandwidth says an order changed: the ledger learns of it (even an order placed elsewhere) and its poll is due
     * now. Once this completes the notice is safe: whichever replica polls next records the status.
     */
    public Mono<Void> notified(OrderNotice notice) {
        Instant now = clock.instant();
        LedgerEntry entry = new LedgerEntry(notice.key(), null, notice.customerOrderId(), null, OrderStatus.RECEIVED,
                now, now, 0);
        return ledger.add(entry, now).then(ledger.schedule(notice.key(), now, false));
    }

    String view(NumberOrder order) {
        return data.of(order);
    }

    String view(Disconnect disconnect) {
        return data.of(disconnect);
    }

    private Mono<Boolean> record(LedgerKey key, OrderStatus status, Supplier<String> view, String source,
            int polls) {
        Instant now = clock.instant();
        OrderEvent event = EventType.of(key.kind(), status)
                .map(type -> new OrderEvent(eventId(key, status), type, key, now, view.get())).orElse(null);
        Instant nextPoll = status.isFinal() ? null : now.plus(properties.pollDelay(polls));
        return ledger.record(key, status, now, nextPoll, event)
                .doOnNext(changed -> {
                    if (changed) {
                        changes.tryEmitNext(key);
                        if (event != null) {
                            meters.counter("gateway.events.emitted", "type", event.type().wireName(), "source",
                                    source).increment();
                        }
                    }
                })
                .onErrorResume(ex -> degraded("record a status", ex).thenReturn(false));
    }

    @Override
    public Mono<Void> changed(String accountId, String id) {
        return changes.asFlux().filter(key -> key.id().equals(id) && key.accountId().equals(accountId)).next()
                .then();
    }

    private Mono<Void> degraded(String what, Throwable ex) {
        log.warn("The order ledger could not {}: {}; the reconciler will not follow this change", what,
                ex.toString());
        meters.counter("gateway.state.degraded", "feature", "ledger").increment();
        return Mono.empty();
    }

    /** The same change always gets the same id, so a receiver can drop a duplicate whatever its cause. */
    static String eventId(LedgerKey key, OrderStatus status) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((key.encoded() + '|' + status).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(hash, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
