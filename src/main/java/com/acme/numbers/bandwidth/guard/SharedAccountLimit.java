package com.acme.numbers.bandwidth.guard;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import reactor.core.publisher.Mono;

import com.acme.numbers.state.SharedRateWindows.Take;
import com.acme.numbers.state.SharedRateWindows;

/**
 * The per-account Bandwidth rate limit shared by every replica ({@code gateway.state.store=redis}): permits come
 * from the account's per-second Redis budget ({@link SharedRateWindows}). A call that finds this second spent waits
 * for the next one when {@code rate-limit-wait} allows, else it is refused as the local limiter refuses (429).
 * When Redis cannot answer, the replica's own limiter decides, as with one replica.
 */
final class SharedAccountLimit {

    private final SharedRateWindows windows;
    private final int limit;
    private final Duration maxWait;
    private final Clock clock;

    SharedAccountLimit(SharedRateWindows windows, int limit, Duration maxWait, Clock clock) {
        this.windows = windows;
        this.limit = limit;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    <T> Mono<T> limited(String accountId, RateLimiter local, Mono<T> call,
            Function<Mono<T>, Mono<T>> locallyLimited) {
        return take(accountId).flatMap(take -> {
            if (take.isEmpty()) {
                return locallyLimited.apply(call);
            }
            if (take.get().allowed()) {
                return call;
            }
            Duration untilNextSecond = Duration.ofMillis(1000 - clock.millis() % 1000);
            if (untilNextSecond.compareTo(maxWait) > 0) {
                return Mono.error(RequestNotPermitted.createRequestNotPermitted(local));
            }
            return Mono.delay(untilNextSecond).then(take(accountId)).flatMap(again -> again.isEmpty()
                    ? locallyLimited.apply(call)
                    : again.get().allowed() ? call : Mono.error(RequestNotPermitted.createRequestNotPermitted(local)));
        });
    }

    private Mono<Optional<Take>> take(String accountId) {
        return windows.tryTake("account:" + accountId, limit).map(Optional::of)
                .onErrorReturn(Optional.empty());
    }
}
