package com.acme.numbers.events.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.EventOutbox;
import com.acme.numbers.events.OrderEvent;
import com.acme.numbers.events.Sweeping;

/**
 * Hands every event to the subscriptions that want it, at least once: each event in the outbox becomes one delivery
 * per matching subscription (stored before the event is acknowledged, so a replica that stops in between leaves it
 * to be taken again), and due deliveries are sent with exponential backoff and jitter until one succeeds or
 * {@code giveUpAfter} has passed since the event. A subscriber gets at most {@code concurrencyPerSubscriber} attempts
 * at once and has its own breaker, so a dead one waits without slowing the others.
 */
public final class WebhookDispatcher extends Sweeping {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private final EventOutbox outbox;
    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhooksProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String consumer = "replica-" + UUID.randomUUID();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(100)
            .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(1).build());

    public WebhookDispatcher(EventOutbox outbox, WebhookStore store, WebhookSender sender,
            WebhooksProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.store = store;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Turns waiting events into deliveries; completes when they are stored and acknowledged. */
    public Mono<Void> fanOut() {
        return outbox.take(consumer, BATCH, properties.redeliverAfter())
                .concatMap(event -> store.list(event.key().accountId())
                        .filter(webhook -> webhook.wants(event.type()))
                        .concatMap(webhook -> store.add(newDelivery(webhook.id(), event)))
                        .then(outbox.acknowledge(event.id())))
                .then();
    }

    /**
     * Claims the deliveries that are due and starts their attempts; completes once they are started, so a slow
     * subscriber never holds up the next sweep (the claim's lease keeps others off its deliveries meanwhile).
     */
    public Mono<Void> deliverDue() {
        Instant now = clock.instant();
        Duration lease = properties.timeout().multipliedBy(2);
        return store.claimDue(now, BATCH, lease)
                .doOnNext(delivery -> attempt(delivery).subscribe(null, ex -> log.warn(
                        "Recording an attempt of delivery {} failed: {}", delivery.id(), ex.toString())))
                .then();
    }

    private Mono<Void> attempt(Delivery delivery) {
        return store.find(delivery.accountId(), delivery.webhookId())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(webhook -> webhook.isPresent() ? attempt(webhook.get(), delivery)
                        : store.update(delivery.failed(null, "the subscription was deleted", clock.instant(), null)));
    }

    private Mono<Void> attempt(Webhook webhook, Delivery delivery) {
        CircuitBreaker breaker = breakers.circuitBreaker(webhook.id());
        AtomicInteger sending = inFlight.computeIfAbsent(webhook.id(), id -> new AtomicInteger());
        if (sending.incrementAndGet() > properties.concurrencyPerSubscriber() || !breaker.tryAcquirePermission()) {
            sending.decrementAndGet();
            count(webhook, "postponed");
            return store.update(postponed(delivery));
        }
        long started = System.nanoTime();
        return sender.send(webhook, delivery)
                .doFinally(signal -> sending.decrementAndGet())
                .flatMap(attempt -> {
                    Instant at = clock.instant();
                    if (attempt.succeeded()) {
                        breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                        count(webhook, "succeeded");
                        meters.timer("gateway.webhooks.delivery.lag")
                                .record(Duration.between(delivery.event().timestamp(), at));
                        return store.update(delivery.succeeded(attempt.status(), at));
                    }
                    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS,
                            new IllegalStateException(describe(attempt)));
                    Instant next = nextAttempt(delivery, at);
                    count(webhook, next == null ? "failed" : "retrying");
                    if (next == null) {
                        log.warn("Gave up delivering event {} to webhook {} of account {} after {} attempts: {}",
                                delivery.event().id(), webhook.id(), webhook.accountId(), delivery.attempts() + 1,
                                describe(attempt));
                    }
                    return store.update(delivery.failed(attempt.status(), attempt.error(), at, next));
                });
    }

    /** Back off exponentially with ±20 % jitter; past {@code giveUpAfter} from the event, stop. */
    private Instant nextAttempt(Delivery delivery, Instant now) {
        Duration base = properties.retryDelay(delivery.attempts() + 1);
        long jittered = (long) (base.toMillis() * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        Instant next = now.plusMillis(jittered);
        return next.isAfter(delivery.event().timestamp().plus(properties.giveUpAfter())) ? null : next;
    }

    private Delivery postponed(Delivery delivery) {
        return new Delivery(delivery.id(), delivery.webhookId(), delivery.event(), Delivery.Status.PENDING,
                delivery.attempts(), delivery.responseCode(), delivery.error(), delivery.lastAttemptAt(),
                clock.instant().plus(properties.sweepInterval().multipliedBy(5)));
    }

    /** Per subscription (their number is small), so an alert can name the one that keeps failing. */
    private void count(Webhook webhook, String outcome) {
        meters.counter("gateway.webhooks.deliveries", "outcome", outcome, "webhook", webhook.id()).increment();
    }

    private static String describe(WebhookSender.Attempt attempt) {
        return attempt.status() != null ? "HTTP " + attempt.status() : attempt.error();
    }

    private Delivery newDelivery(String webhookId, OrderEvent event) {
        String id = "dlv-" + UUID.nameUUIDFromBytes((webhookId + '|' + event.id()).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        return new Delivery(id, webhookId, event, Delivery.Status.PENDING, 0, null, null, null, clock.instant());
    }

    @Override
    protected Flux<?> ticks() {
        return Flux.interval(properties.sweepInterval());
    }

    /** Hands new events on, then sends what is due. */
    @Override
    public Mono<Void> sweep() {
        return fanOut().then(Mono.defer(this::deliverDue));
    }
}
