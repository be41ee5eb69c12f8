package com.acme.numbers.bandwidth;

import static com.acme.numbers.bandwidth.BandwidthStub.OAUTH_ACCOUNT;
import static com.acme.numbers.bandwidth.BandwidthStub.xml;
import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.guard.ResilienceProperties;
import com.acme.numbers.bandwidth.guard.UpstreamGuard;
import com.acme.numbers.bandwidth.guard.UpstreamOperation;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.OutcomeUnknownException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;
import com.acme.numbers.ordering.error.UpstreamUnavailableException;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SelectionType;

/**
 * The quality scenarios against a real HTTP stub, no mocks: breaker opens and recovers, timeouts within the
 * deadline, 429 honoured, retries bounded by the budget, bulkhead sheds load fast. Timing assertions are loose:
 * these machines are shared and noisy.
 */
class BandwidthResilienceTests {

    private static final String ORDERS = "/api/accounts/" + OAUTH_ACCOUNT + "/orders";
    @RegisterExtension
    static final BandwidthStub stub = new BandwidthStub();

    /*
     * The open wait is 30 s, far longer than the 20 refused calls can take on any machine; once they are checked,
     * the wait is taken as passed (the breaker is moved to half-open, as its timer would) instead of slept through.
     */
    @Test
    void breakerOpensOnAnOutageAnswersFastWithoutCallsAndClosesAfterRecovery() {
        UpstreamGuard guard = stub.guard(settings(Duration.ofSeconds(5), 1, 4, Duration.ofSeconds(30), 10, 0.1, 5),
                Clock.systemUTC());
        BandwidthAdapter adapter = adapter(guard, Duration.ofSeconds(2));
        stub.server.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(503)));
        CircuitBreaker breaker = guard.breaker(UpstreamOperation.Group.ORDER);

        int failed = 0;
        while (breaker.getState() == CircuitBreaker.State.CLOSED && failed < 10) {
            // a 503 to an order may come after Bandwidth acted: its outcome is unknown, never a plain failure
            assertThatThrownBy(() -> adapter.place(OAUTH_ACCOUNT, order()).block())
                    .isInstanceOf(OutcomeUnknownException.class);
            failed++;
        }
        assertThat(failed).isEqualTo(4);
        assertThat(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000L);

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> adapter.place(OAUTH_ACCOUNT, order()).block())
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .satisfies(ex -> assertThat(((UpstreamUnavailableException) ex).retryAfter())
                            .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        }
        // fast: no call waits for Bandwidth (a generous bound, far below the 20 x 2 s one waiting call would take)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        stub.server.verify(4, postRequestedFor(urlPathEqualTo(ORDERS)));

        stub.server.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(xml(201, read(getClass(), "order-response-received.xml"))));
        breaker.transitionToHalfOpenState();
        for (int probe = 0; probe < 2; probe++) {
            assertThat(adapter.place(OAUTH_ACCOUNT, order()).block()).isNotNull();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(stub.server.findAll(postRequestedFor(urlPathEqualTo(ORDERS))))
                .as("the 4 failures and the 2 half-open probes reached Bandwidth; the 20 refused calls did not")
                .hasSize(4 + 2);
    }

    @Test
    void slowUpstreamIsA504WithinTheDeadline() {
        BandwidthAdapter adapter = adapter(stub.guard(settings(Duration.ofMillis(700), 3, 10, Duration.ofSeconds(5), 10,
                0.1, 5), Clock.systemUTC()), Duration.ofSeconds(10));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/slow"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml")).withFixedDelay(6000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "slow").block())
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("deadline");

        // cut at the deadline, long before Bandwidth would have answered (a generous bound for a slow machine)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4000));
    }

    @Test
    void bandwidths429ClosesTheGroupUntilItsResetAndDoesNotOpenTheBreaker() {
        UpstreamGuard guard = stub.guard(settings(Duration.ofSeconds(5), 3, 2, Duration.ofSeconds(5), 10, 0.1, 5),
                Clock.systemUTC());
        BandwidthAdapter adapter = adapter(guard, Duration.ofSeconds(2));
        Instant reset = Instant.now().plusSeconds(30);
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/o")).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))));

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "o").block())
                    .isInstanceOf(UpstreamThrottledException.class)
                    .satisfies(ex -> assertThat(((UpstreamThrottledException) ex).retryAfter())
                            .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)));
        }

        stub.server.verify(1, getRequestedFor(urlPathEqualTo(ORDERS + "/o")));
        assertThat(guard.breaker(UpstreamOperation.Group.READ).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        stub.server.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(xml(201, read(getClass(), "order-response-received.xml"))));
        assertThat(adapter.place(OAUTH_ACCOUNT, order()).block()).as("other groups are not closed").isNotNull();
    }

    @Test
    void retriesDuringAnOutageStayWithinTheBudget() {
        int inbound = 200;
        BandwidthAdapter budgeted = adapter(stub.guard(settings(Duration.ofSeconds(5), 3, 10_000,
                Duration.ofSeconds(5), 10, 0.1, 5), Clock.systemUTC()), Duration.ofSeconds(2));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/o")).willReturn(aResponse().withStatus(503)));

        for (int i = 0; i < inbound; i++) {
            assertThatThrownBy(() -> budgeted.order(OAUTH_ACCOUNT, "o").block())
                    .isInstanceOf(UpstreamFailureException.class);
        }

        int attempts = stub.server.findAll(getRequestedFor(urlPathEqualTo(ORDERS + "/o"))).size();
        assertThat(attempts).as("upstream attempts for %d inbound calls", inbound)
                .isGreaterThan(inbound).isLessThanOrEqualTo((int) (1.1 * inbound) + 5)
                .isLessThan(3 * inbound);
    }

    @Test
    void anExhaustedCallDoesNotSpendARetryTokenItDidNotUse() {
        // two attempts a call, a budget of two retries that earns nothing back
        BandwidthAdapter adapter = adapter(stub.guard(settings(Duration.ofSeconds(5), 2, 10_000,
                Duration.ofSeconds(5), 10, 0.0, 2), Clock.systemUTC()), Duration.ofSeconds(2));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/gone")).willReturn(aResponse().withStatus(503)));

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "gone").block())
                    .isInstanceOf(UpstreamFailureException.class);
        }

        // each call retried once: 4 attempts (a token lost to the first call's last attempt left 3)
        stub.server.verify(4, getRequestedFor(urlPathEqualTo(ORDERS + "/gone")));
    }

    @Test
    void aSafeCallIsRetriedAfterATransientFailureAndStopsAtItsAttemptLimit() {
        UpstreamGuard guard = stub.guard(settings(Duration.ofSeconds(5), 3, 10_000, Duration.ofSeconds(5), 10, 0.1, 5),
                Clock.systemUTC());
        BandwidthAdapter adapter = adapter(guard, Duration.ofSeconds(2));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/flaky")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/flaky")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml"))));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/down")).willReturn(aResponse().withStatus(503)));

        assertThat(adapter.order(OAUTH_ACCOUNT, "flaky").block()).isNotNull();
        assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "down").block())
                .isInstanceOf(UpstreamFailureException.class);

        stub.server.verify(2, getRequestedFor(urlPathEqualTo(ORDERS + "/flaky")));
        stub.server.verify(3, getRequestedFor(urlPathEqualTo(ORDERS + "/down")));
        Retry.Metrics retries = guard.retry(UpstreamOperation.Group.READ).getMetrics();
        assertThat(retries.getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(retries.getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(retries.getNumberOfSuccessfulCallsWithoutRetryAttempt()).isZero();
    }

    @Test
    void writesAreNeverRetried() {
        BandwidthAdapter adapter = adapter(stub.guard(settings(Duration.ofSeconds(5), 3, 10_000, Duration.ofSeconds(5),
                10, 0.1, 5), Clock.systemUTC()), Duration.ofSeconds(2));
        stub.server.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> adapter.place(OAUTH_ACCOUNT, order()).block())
                .isInstanceOf(OutcomeUnknownException.class);

        stub.server.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void fullBulkheadShedsLoadFast() {
        BandwidthAdapter adapter = adapter(stub.guard(settings(Duration.ofSeconds(5), 1, 10_000, Duration.ofSeconds(5),
                3, 0.1, 5), Clock.systemUTC()), Duration.ofSeconds(5));
        // the three admitted calls hold their permits for 4 s: the other five arrive well within that on any machine
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/slow"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml")).withFixedDelay(4000)));

        List<Object> outcomes = Flux.range(0, 8)
                .flatMap(i -> adapter.order(OAUTH_ACCOUNT, "slow").<Object>map(o -> o)
                        .onErrorResume(OrderingException.class, Mono::just), 8)
                .collectList().block();

        assertThat(outcomes).filteredOn(o -> o instanceof NumberOrder).hasSize(3);
        assertThat(outcomes).filteredOn(o -> o instanceof UpstreamUnavailableException).hasSize(5);
        stub.server.verify(3, getRequestedFor(urlPathEqualTo(ORDERS + "/slow")));
    }

    @Test
    void bulkheadPermitsComeBackAfterTimeoutsAndCancellations() {
        BandwidthAdapter adapter = adapter(stub.guard(settings(Duration.ofMillis(300), 1, 10_000,
                Duration.ofSeconds(5), 2, 0.1, 5), Clock.systemUTC()), Duration.ofSeconds(5));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/stuck"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml")).withFixedDelay(2000)));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/quick"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml"))));

        assertThat(concurrently(adapter, "stuck", 2)).allMatch(UpstreamTimeoutException.class::isInstance);
        assertBothPermitsComeBack(adapter);

        adapter.order(OAUTH_ACCOUNT, "stuck").subscribe(order -> { }, failure -> { }).dispose();
        adapter.order(OAUTH_ACCOUNT, "stuck").subscribe(order -> { }, failure -> { }).dispose();
        assertBothPermitsComeBack(adapter);
    }

    /** Cancellation reaches the call on another thread, so a permit may come back a moment after the caller saw it end. */
    private static void assertBothPermitsComeBack(BandwidthAdapter adapter) {
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(concurrently(adapter, "quick", 2)).allMatch(NumberOrder.class::isInstance));
    }

    @Test
    void accountRateLimitRefusesCallsBeyondItsPermitsWithoutCallingBandwidth() {
        ResilienceProperties twoPerSecond = new ResilienceProperties(Duration.ofSeconds(5), 2, Duration.ZERO, 6,
                10_000, 50, Duration.ofSeconds(30), 100, Duration.ofSeconds(5), 2, 50, 1, Duration.ofMillis(5),
                Duration.ofMillis(20), 0.1, 5);
        BandwidthAdapter adapter = adapter(stub.guard(twoPerSecond, Clock.systemUTC()), Duration.ofSeconds(5));
        stub.server.stubFor(get(urlPathEqualTo(ORDERS + "/limited"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml"))));

        List<Object> outcomes = concurrently(adapter, "limited", 6);

        // A burst of six fits in one or two of the limiter's one-second periods: two or four permits.
        long served = outcomes.stream().filter(NumberOrder.class::isInstance).count();
        assertThat(served).isBetween(2L, 4L);
        assertThat(outcomes).filteredOn(UpstreamThrottledException.class::isInstance).hasSize(6 - (int) served);
        stub.server.verify((int) served, getRequestedFor(urlPathEqualTo(ORDERS + "/limited")));
    }

    private static List<Object> concurrently(BandwidthAdapter adapter, String orderId, int calls) {
        return Flux.range(0, calls)
                .flatMap(i -> adapter.order(OAUTH_ACCOUNT, orderId).<Object>map(o -> o)
                        .onErrorResume(OrderingException.class, Mono::just), calls)
                .collectList().block();
    }

    private static BandwidthAdapter adapter(UpstreamGuard guard, Duration responseTimeout) {
        return stub.adapter(Clock.systemUTC(), responseTimeout, DataSize.ofMegabytes(1), guard);
    }

    private static ResilienceProperties settings(Duration deadline, int maxAttempts, int minimumCalls,
            Duration openWait, int bulkhead, double budgetRatio, int budgetMinimum) {
        return new ResilienceProperties(deadline, 1000, Duration.ofMillis(100), Math.max(minimumCalls, 6),
                minimumCalls, 50, Duration.ofSeconds(30), 100, openWait, 2, bulkhead, maxAttempts,
                Duration.ofMillis(5), Duration.ofMillis(20), budgetRatio, budgetMinimum);
    }

    private static NewOrder order() {
        return new NewOrder("Support line", "1001", null, null, true, false, false, new NumberSelection(
                SelectionType.AREA_CODE, List.of(), List.of(), new SearchCriteria("919", null, null, null, null, null,
                        null, null, null, null, null, null), 1, null));
    }
}
