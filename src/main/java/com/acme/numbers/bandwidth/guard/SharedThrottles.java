package com.acme.numbers.bandwidth.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Bandwidth's 429 closures shared by every replica over a Redis channel: a replica that sees a 429 publishes the
 * closure, and every replica (itself included, harmlessly) applies it to its {@link ThrottleGate}. Calls check the
 * gate in memory, so this costs nothing per request. Redis down: each replica still obeys the 429s it sees itself,
 * the subscription retries, and nothing needs a restart when Redis returns.
 */
public final class SharedThrottles implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SharedThrottles.class);

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisConnectionFactory connections;
    private final String channel;
    private final Duration timeout;
    private volatile ThrottleGate gate;
    private volatile Disposable subscription;

    public SharedThrottles(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections,
            String prefix, Duration timeout) {
        this.redis = redis;
        this.connections = connections;
        this.channel = prefix + "throttles";
        this.timeout = timeout;
    }

    /** The gate this replica's calls check, telling the others of each closure it sees. */
    public ThrottleGate gate(Clock clock) {
        ThrottleGate created = new ThrottleGate(clock, this::publish);
        this.gate = created;
        return created;
    }

    private void publish(ThrottleGate.Closure closure) {
        String message = closure.accountId() + ' ' + closure.group().name() + ' ' + closure.until().toEpochMilli();
        redis.convertAndSend(channel, message).timeout(timeout)
                .subscribe(receivers -> { }, ex -> log.warn("Could not share a Bandwidth 429 closure of account {} "
                        + "with the other replicas: {}", closure.accountId(), ex.toString()));
    }

    /* The listener container connects as it is built (blocking), so it is built off the caller's thread, and again
       after Redis went away: a gateway that starts while Redis is down still starts, and listens once Redis is up. */
    @Override
    public void start() {
        subscription = Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(connections))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(listeners -> listeners.receive(ChannelTopic.of(channel))
                        .doFinally(signal -> listeners.destroyLater().subscribe()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .subscribe(message -> apply(message.getMessage()));
    }

    private void apply(String message) {
        String[] parts = message.split(" ");
        ThrottleGate current = gate;
        if (parts.length == 3 && current != null) {
            current.apply(new ThrottleGate.Closure(parts[0], UpstreamOperation.Group.valueOf(parts[1]),
                    Instant.ofEpochMilli(Long.parseLong(parts[2]))));
        }
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = subscription;
        return current != null && !current.isDisposed();
    }
}
