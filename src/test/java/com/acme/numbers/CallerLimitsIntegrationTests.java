package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.acme.numbers.support.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.acme.numbers.bandwidth.BandwidthEndpoints;

/** Per-client limits, security headers and the audit trail, as callers and auditors see them. */
@ExtendWith(OutputCaptureExtension.class)
class CallerLimitsIntegrationTests extends StubBandwidthIntegrationTest {

    /* One concurrent burst inside one clock second (tried again if it straddles two), so no timing decides it. */
    @Test
    void aClientOverItsRequestRateGets429WithRateLimitHeaders() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/o1")))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "order-response-received.xml"))));

        List<EntityExchangeResult<String>> results = null;
        for (int attempt = 0; attempt < 5 && results == null; attempt++) {
            results = burstWithinOneSecond(10);
        }

        assertThat(results).as("a burst that fits in one second").isNotNull().hasSize(10);
        assertThat(results).allSatisfy(r -> assertThat(r.getResponseHeaders().getFirst("RateLimit-Limit"))
                .isEqualTo("3"));
        assertThat(results).filteredOn(r -> r.getStatus().value() == 200).hasSize(3);
        assertThat(results).filteredOn(r -> r.getStatus().value() == 429).hasSize(7).allSatisfy(r -> {
            assertThat(r.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(r.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
            assertThat(r.getResponseBody()).contains("\"code\":\"client_rate_limited\"");
        });
    }

    /** @return the answers, or null when the burst did not fit in one clock second */
    private List<EntityExchangeResult<String>> burstWithinOneSecond(int requests) {
        long second = System.currentTimeMillis() / 1000;
        await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() / 1000 > second);
        long start = System.currentTimeMillis() / 1000;
        List<EntityExchangeResult<String>> results = Flux.range(0, requests)
                .flatMap(i -> Mono.fromCallable(() -> client.get().uri(api(OAUTH_ACCOUNT, "/orders/o1"))
                        .header("X-API-Key", LIMITED_KEY).exchange().expectBody(String.class).returnResult())
                        .subscribeOn(Schedulers.boundedElastic()), requests)
                .collectList().block();
        return System.currentTimeMillis() / 1000 == start ? results : null;
    }

    @Test
    void aClientCannotOrderMoreThanItsQuantityLimit() {
        long second = System.currentTimeMillis() / 1000;
        // a fresh one-second window, so an earlier test's requests cannot make this one a 429
        await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() / 1000 > second);
        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", LIMITED_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Bulk", "selection",
                        Map.of("type", "areaCode", "areaCode", "919", "quantity", 50)))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("selection.quantity");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void apiResponsesCarrySecurityHeaders() {
        client.get().uri(api(OAUTH_ACCOUNT, "/orders/bad$id")).header("X-API-Key", OPS_KEY).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void everyMutatingCallLeavesAnAuditEvent(CapturedOutput output) {
        bandwidth.stubFor(post(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders")))
                .willReturn(xml(201, read(BandwidthEndpoints.class, "order-response-received.xml"))));

        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY).header("X-Request-Id", "audit-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Support line", "customerOrderId",
                        "ticket-1", "selection", Map.of("type", "areaCode", "areaCode", "919", "quantity", 1)))
                .exchange().expectStatus().isCreated();

        // the event is written when the exchange completes, just after the caller has its answer
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("audit client=ops"));
        assertThat(output.getAll().lines().filter(line -> line.contains("audit client=ops")))
                .singleElement().satisfies(line -> assertThat(line)
                        .contains("account=" + OAUTH_ACCOUNT).contains("operation=\"post orders\"")
                        .contains("customerOrderId=ticket-1").contains("bandwidthId=order-1").contains("outcome=201")
                        .contains("requestId=audit-1").doesNotContain(OPS_KEY));
    }
}
