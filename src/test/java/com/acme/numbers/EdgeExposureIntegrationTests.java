package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.acme.numbers.support.RawHttp;

/** What anyone who reaches the port can read without a key, and what a forged Host header can change: nothing. */
class EdgeExposureIntegrationTests extends StubBandwidthIntegrationTest {

    @Test
    void strangersGetATerseHealthAndTheProbes() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/prometheus", "/actuator", "/actuator/info", "/actuator/health/diskSpace" })
    void everythingElseOfTheActuatorNeedsAKey(String path) {
        client.get().uri(path).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        client.get().uri(path).header("X-API-Key", "not-a-key").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aCallerWithAKeySeesDetailsAndMetrics() {
        client.get().uri("/actuator/health").header("X-API-Key", READER_KEY).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.bandwidth").exists();
        client.get().uri("/actuator/prometheus").header("X-API-Key", READER_KEY).exchange().expectStatus().isOk();
    }

    @Test
    void theOpenApiServerComesFromConfigurationNotFromTheHostHeader() throws IOException {
        String answer = RawHttp.exchange(port, "GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                .contains("\"servers\":[{\"url\":\"/\"")
                .containsIgnoringCase(HttpHeaders.CACHE_CONTROL + ": public, max-age=300");
    }

    @Test
    void productionModeServesNoSandbox() {
        client.get().uri("/sandbox/bandwidth/api/accounts/9900000/availableNumbers?areaCode=919")
                .headers(h -> h.setBasicAuth("sandbox-user", "anything")).exchange().expectStatus().isNotFound();
        client.post().uri("/sandbox/admin/reset").header("X-API-Key", OPS_KEY).exchange().expectStatus().isNotFound();
        client.get().uri("/sandbox/admin/faults").exchange().expectStatus().isNotFound();
    }
}
