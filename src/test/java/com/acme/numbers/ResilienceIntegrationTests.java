package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An open breaker as callers and operators see it: fast 503 with Retry-After, health details, metrics, ready. */
class ResilienceIntegrationTests extends StubBandwidthIntegrationTest {

    @Autowired
    private CircuitBreakerRegistry breakers;

    @Autowired
    private MeterRegistry meters;

    @Test
    void openBreakerAnswers503FastWithoutCallingBandwidthAndKeepsThePodReady() {
        breakers.circuitBreaker("bandwidth-read").transitionToOpenState();

        client.get().uri(api(OAUTH_ACCOUNT, "/orders/o1")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 10L))
                .expectBody().jsonPath("$.code").isEqualTo("upstream_unavailable").jsonPath("$.retryable").isEqualTo(true);
        bandwidth.verify(0, anyRequestedFor(anyUrl()));

        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components").doesNotExist();
        client.get().uri("/actuator/health").header("X-API-Key", READER_KEY).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.bandwidth.details.read").value(state ->
                        assertThat(state.toString()).startsWith("OPEN"));
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "bandwidth-read")
                .tag("state", "open").gauge().value()).isEqualTo(1.0);
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "bandwidth-read")
                .tag("state", "closed").gauge().value()).isEqualTo(0.0);
    }
}
