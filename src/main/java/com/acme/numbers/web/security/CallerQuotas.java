package com.acme.numbers.web.security;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.acme.numbers.state.SharedRateWindows;

/**
 * Callers' {@code requests-per-second}: counted in this process ({@link ClientRateLimiter}), or across every
 * replica ({@link SharedRateWindows}) with {@code gateway.state.store=redis}. When Redis cannot answer, each replica
 * counts alone (a client may then get its limit once per replica), logged once per outage and counted in
 * {@code gateway.state.degraded{feature="quotas"}}.
 */
interface CallerQuotas {

    Mono<ClientRateLimiter.Decision> tryAcquire(ApiClient client);

    static CallerQuotas local(ClientRateLimiter limiter) {
        return client -> Mono.just(limiter.tryAcquire(client));
    }

    static CallerQuotas shared(SharedRateWindows windows, ClientRateLimiter fallback, MeterRegistry meters) {
        Logger log = LoggerFactory.getLogger(CallerQuotas.class);
        Counter degraded = Counter.builder("gateway.state.degraded").tag("feature", "quotas")
                .description("Requests whose shared state could not be reached, answered with local state")
                .register(meters);
        AtomicBoolean down = new AtomicBoolean();
        return client -> windows.tryTake("client:" + client.name(), client.requestsPerSecond())
                .map(take -> {
                    if (down.compareAndSet(true, false)) {
                        log.info("Callers' quotas are shared across replicas again");
                    }
                    return new ClientRateLimiter.Decision(take.allowed(), client.requestsPerSecond(),
                            take.remaining(), 1);
                })
                .onErrorResume(ex -> {
                    degraded.increment();
                    if (down.compareAndSet(false, true)) {
                        log.warn("Redis cannot answer ({}): callers' quotas are counted per replica until it can",
                                ex.toString());
                    }
                    return Mono.just(fallback.tryAcquire(client));
                });
    }
}
