package com.acme.numbers.bandwidth.guard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway protects itself and Bandwidth ({@code gateway.resilience.*}). Breakers and bulkheads exist per
 * operation group (search, reservation, order, disconnect, read) with these settings; the rate limiter exists per
 * Bandwidth account.
 *
 * @param deadline the longest one caller request may take upstream, retries included; then 504
 * @param accountRateLimit upstream calls per second per Bandwidth account (kept below Bandwidth's limits)
 * @param rateLimitWait how long a call may wait for a rate-limit permit before it is refused with 429
 * @param breakerWindow calls in the count-based window of each circuit breaker
 * @param breakerMinimumCalls calls before a breaker may compute a failure rate
 * @param breakerFailureRate failure percentage that opens a breaker
 * @param breakerSlowCall a call slower than this counts as slow
 * @param breakerSlowCallRate slow-call percentage that opens a breaker
 * @param breakerOpenWait how long an open breaker refuses calls before probing
 * @param breakerHalfOpenCalls probe calls allowed while half open
 * @param bulkheadMaxConcurrent concurrent upstream requests per operation group; more are refused with 503
 * @param retryMaxAttempts attempts per safe call, the first one included
 * @param retryInitialBackoff backoff before the first retry (exponential, with jitter)
 * @param retryMaxBackoff longest backoff between retries
 * @param retryBudgetRatio retries allowed per inbound call, over time (0.1: at most 10 % extra upstream traffic)
 * @param retryBudgetMinimum retries always available, so a quiet gateway can still retry
 */
@ConfigurationProperties("gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("15s") Duration deadline,
        @DefaultValue("10") int accountRateLimit,
        @DefaultValue("250ms") Duration rateLimitWait,
        @DefaultValue("20") int breakerWindow,
        @DefaultValue("10") int breakerMinimumCalls,
        @DefaultValue("50") float breakerFailureRate,
        @DefaultValue("5s") Duration breakerSlowCall,
        @DefaultValue("80") float breakerSlowCallRate,
        @DefaultValue("10s") Duration breakerOpenWait,
        @DefaultValue("3") int breakerHalfOpenCalls,
        @DefaultValue("50") int bulkheadMaxConcurrent,
        @DefaultValue("3") int retryMaxAttempts,
        @DefaultValue("200ms") Duration retryInitialBackoff,
        @DefaultValue("2s") Duration retryMaxBackoff,
        @DefaultValue("0.1") double retryBudgetRatio,
        @DefaultValue("10") int retryBudgetMinimum) {
}
