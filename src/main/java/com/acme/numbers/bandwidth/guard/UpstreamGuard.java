package com.acme.numbers.bandwidth.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;
import com.acme.numbers.ordering.error.UpstreamUnavailableException;
import com.acme.numbers.state.SharedRateWindows;

/**
 * Wraps every upstream call in Resilience4j, in an order that is visible here: per attempt the rate limiter of the
 * account, then the group's circuit breaker (so each attempt is counted); around the attempts the retry (safe
 * calls only, within the retry budget), then the group's bulkhead and the overall deadline. Bandwidth's own 429
 * closes the account and group until its reset time. Business rejections neither open breakers nor retry.
 * <p>
 * It stays one class, over 200 lines, on purpose: the order of these decisions is what makes them correct (an open
 * breaker spends no rate-limit permit, a retry is counted by the breaker, the deadline bounds the retries), and split
 * across classes that order would no longer be visible in one place. The instances' configuration is most of it.
 */
public final class UpstreamGuard {

    private static final Duration SHORT_RETRY_AFTER = Duration.ofSeconds(1);

    private final ResilienceProperties properties;
    private final RateLimiterRegistry rateLimiters;
    private final RateLimiterConfig accountLimit;
    private final Map<String, RateLimiter> accountLimiters = new ConcurrentHashMap<>();
    private final Map<UpstreamOperation.Group, CircuitBreaker> breakers = new EnumMap<>(UpstreamOperation.Group.class);
    private final Map<UpstreamOperation.Group, Bulkhead> bulkheads = new EnumMap<>(UpstreamOperation.Group.class);
    private final Map<UpstreamOperation.Group, Retry> retries = new EnumMap<>(UpstreamOperation.Group.class);
    private final Map<UpstreamOperation.Group, Instant> openedAt = new ConcurrentHashMap<>();
    private final RetryBudget budget;
    private final ThrottleGate throttles;
    private final SharedAccountLimit sharedLimit;
    private final Clock clock;
    private final UpstreamMetrics metrics;

    public UpstreamGuard(ResilienceProperties properties, CircuitBreakerRegistry breakerRegistry,
            BulkheadRegistry bulkheadRegistry, RateLimiterRegistry rateLimiters, RetryRegistry retryRegistry,
            Clock clock, UpstreamMetrics metrics) {
        this(properties, breakerRegistry, bulkheadRegistry, rateLimiters, retryRegistry, clock, metrics,
                new ThrottleGate(clock), null);
    }

    /**
     * With 429 closures shared between replicas (see {@link SharedThrottles}) and, when {@code sharedWindows} is not
     * null, the per-account rate limit too (see {@link SharedAccountLimit}).
     */
    public UpstreamGuard(ResilienceProperties properties, CircuitBreakerRegistry breakerRegistry,
            BulkheadRegistry bulkheadRegistry, RateLimiterRegistry rateLimiters, RetryRegistry retryRegistry,
            Clock clock, UpstreamMetrics metrics, ThrottleGate throttles, SharedRateWindows sharedWindows) {
        this.properties = properties;
        this.metrics = metrics;
        this.rateLimiters = rateLimiters;
        this.accountLimit = RateLimiterConfig.custom().limitForPeriod(properties.accountRateLimit())
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(properties.rateLimitWait()).build();
        this.clock = clock;
        this.budget = new RetryBudget(properties.retryBudgetRatio(), properties.retryBudgetMinimum());
        this.throttles = throttles;
        this.sharedLimit = sharedWindows == null ? null : new SharedAccountLimit(sharedWindows,
                properties.accountRateLimit(), properties.rateLimitWait(), clock);
        for (UpstreamOperation.Group group : UpstreamOperation.Group.values()) {
            CircuitBreaker breaker = breakerRegistry.circuitBreaker(group.instanceName(), breakerConfig());
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(group, clock.instant());
                }
            });
            breakers.put(group, breaker);
            bulkheads.put(group, bulkheadRegistry.bulkhead(group.instanceName(), BulkheadConfig.custom()
                    .maxConcurrentCalls(properties.bulkheadMaxConcurrent()).maxWaitDuration(Duration.ZERO).build()));
            Retry retry = retryRegistry.retry(group.instanceName(), retryConfig());
            // an exhausted call asked for one retry too many: give its token back
            retry.getEventPublisher().onError(exhausted -> budget.refund());
            retries.put(group, retry);
        }
    }

    public <T> Mono<T> guard(String accountId, UpstreamOperation operation, Mono<T> call) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return protect(accountId, operation, call)
                    .doOnSuccess(value -> metrics.record(operation, null, start))
                    .doOnError(failure -> metrics.record(operation, failure, start));
        });
    }

    private <T> Mono<T> protect(String accountId, UpstreamOperation operation, Mono<T> call) {
        UpstreamOperation.Group group = operation.group();
        return Mono.defer(() -> {
            budget.onCall();
            Duration blocked = throttles.remaining(accountId, group);
            if (!blocked.isZero()) {
                return Mono.error(new UpstreamThrottledException(blocked));
            }
            Mono<T> attempt = accountLimited(accountId, call
                    .doOnError(UpstreamThrottledException.class,
                            ex -> throttles.block(accountId, group, ex.retryAfter())))
                    .transform(CircuitBreakerOperator.of(breakers.get(group)));
            Mono<T> attempts = operation.safe() ? retried(retries.get(group), attempt) : attempt;
            return inBulkhead(bulkheads.get(group), attempts)
                    .timeout(properties.deadline())
                    .onErrorMap(ex -> toPortException(ex, operation));
        });
    }

    private <T> Mono<T> accountLimited(String accountId, Mono<T> call) {
        RateLimiter local = rateLimiter(accountId);
        return sharedLimit == null ? rateLimited(local, call)
                : sharedLimit.limited(accountId, local, call, limited -> rateLimited(local, limited));
    }

    /*
     * The rate limiter and the bulkhead are driven through their own APIs (same permits, events and metrics as
     * Resilience4j's Reactor operators): each operator wrapped every signal of every call in a subscriber of its
     * own, for work a call that is permitted at once never needed. The circuit breaker keeps its operator, whose
     * cancellation and result-recording rules matter.
     */
    private static <T> Mono<T> rateLimited(RateLimiter limiter, Mono<T> call) {
        return Mono.defer(() -> {
            long waitNanos = limiter.reservePermission();
            if (waitNanos < 0) {
                return Mono.error(RequestNotPermitted.createRequestNotPermitted(limiter));
            }
            return waitNanos == 0 ? call : call.delaySubscription(Duration.ofNanos(waitNanos));
        });
    }

    /*
     * Retries through Resilience4j's retry context: the same decisions, backoff, events and metrics as its Reactor
     * operator, whose retryWhen machinery (a processor, a serializing subscriber and a flatMap) wrapped every safe
     * call, failing or not. Here a call that succeeds first time pays one onErrorResume and one doOnSuccess.
     */
    private static <T> Mono<T> retried(Retry retry, Mono<T> attempt) {
        return Mono.defer(() -> {
            Retry.AsyncContext<T> context = retry.asyncContext();
            return retrying(context, attempt).doOnSuccess(value -> context.onComplete());
        });
    }

    private static <T> Mono<T> retrying(Retry.AsyncContext<T> context, Mono<T> attempt) {
        return attempt.onErrorResume(Exception.class, failure -> {
            long waitMillis = context.onError(failure);
            return waitMillis < 0 ? Mono.error(failure)
                    : retrying(context, attempt).delaySubscription(Duration.ofMillis(waitMillis));
        });
    }

    private static <T> Mono<T> inBulkhead(Bulkhead bulkhead, Mono<T> calls) {
        return Mono.defer(() -> bulkhead.tryAcquirePermission()
                ? calls.doFinally(signal -> bulkhead.onComplete())
                : Mono.error(BulkheadFullException.createBulkheadFullException(bulkhead)));
    }

    public CircuitBreaker breaker(UpstreamOperation.Group group) {
        return breakers.get(group);
    }

    public Retry retry(UpstreamOperation.Group group) {
        return retries.get(group);
    }

    /** Looked up once per account: building a config and a registry key per call showed in the profile. */
    private RateLimiter rateLimiter(String accountId) {
        return accountLimiters.computeIfAbsent(accountId, account -> rateLimiters.rateLimiter(
                "bandwidth-account-" + account, accountLimit));
    }

    private Throwable toPortException(Throwable ex, UpstreamOperation operation) {
        if (ex instanceof CallNotPermittedException) {
            return new UpstreamUnavailableException("Calls to Bandwidth for " + operation.description()
                    + " are paused after repeated failures", openTimeLeft(operation.group()));
        }
        if (ex instanceof BulkheadFullException) {
            return new UpstreamUnavailableException("Too many " + operation.description()
                    + " calls to Bandwidth are in flight", SHORT_RETRY_AFTER);
        }
        if (ex instanceof RequestNotPermitted) {
            return new UpstreamThrottledException(SHORT_RETRY_AFTER);
        }
        if (ex instanceof TimeoutException) {
            return new UpstreamTimeoutException("Bandwidth did not answer within the deadline for "
                    + operation.description());
        }
        return ex;
    }

    private Duration openTimeLeft(UpstreamOperation.Group group) {
        Instant opened = openedAt.get(group);
        Duration left = opened == null ? properties.breakerOpenWait()
                : properties.breakerOpenWait().minus(Duration.between(opened, clock.instant()));
        return left.compareTo(SHORT_RETRY_AFTER) < 0 ? SHORT_RETRY_AFTER : left;
    }

    private CircuitBreakerConfig breakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .slowCallDurationThreshold(properties.breakerSlowCall())
                .slowCallRateThreshold(properties.breakerSlowCallRate())
                .waitDurationInOpenState(properties.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(properties.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // Only Bandwidth's faults count: rejections, 404s and 429s say nothing about its health.
                .recordException(UpstreamGuard::isUpstreamFault)
                .build();
    }

    private RetryConfig retryConfig() {
        return RetryConfig.custom()
                .maxAttempts(properties.retryMaxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.retryInitialBackoff(), 2.0,
                        0.5, properties.retryMaxBackoff()))
                .retryOnException(ex -> isRetryable(ex) && budget.tryRetry())
                .failAfterMaxAttempts(false)
                .build();
    }

    private static boolean isUpstreamFault(Throwable ex) {
        return ex instanceof UpstreamFailureException || ex instanceof UpstreamTimeoutException;
    }

    private static boolean isRetryable(Throwable ex) {
        return ex instanceof BandwidthUnavailableException || ex instanceof UpstreamTimeoutException;
    }
}
