package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.acme.numbers.support.Fixtures.read;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.acme.numbers.bandwidth.BandwidthEndpoints;

/** OAuth2 JWT callers: scopes and the accounts claim decide, before any upstream call. */
class JwtCallersIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String TRACE_ID = "5af7651916cd43dd8448eb211c80319d";

    @Test
    void aTokenWithTheReadScopeForTheAccountReads() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/order-1")))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "order-response-received.xml"))));

        client.get().uri(api(OAUTH_ACCOUNT, "/orders/order-1")).headers(h -> h.setBearerAuth(token("numbers:read",
                List.of(OAUTH_ACCOUNT), Instant.now().plusSeconds(300))))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("order-1");

        // Spring Security's filter chain runs for bearer tokens only: the caller's trace still reaches Bandwidth.
        bandwidth.verify(getRequestedFor(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/order-1")))
                .withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-01")));
    }

    @Test
    void scopeOrAccountOutsideTheTokenIs403WithoutUpstreamCall() {
        String reader = token("numbers:read", List.of(OAUTH_ACCOUNT), Instant.now().plusSeconds(300));
        client.post().uri(api(OAUTH_ACCOUNT, "/reservations")).headers(h -> h.setBearerAuth(reader))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phoneNumber", "9195550101")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        client.get().uri(api(BASIC_ACCOUNT, "/orders/order-1")).headers(h -> h.setBearerAuth(reader)).exchange()
                .expectStatus().isForbidden();
        bandwidth.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
    }

    @Test
    void expiredOrForeignTokensAre401Problems() {
        String expired = token("numbers:read", List.of(OAUTH_ACCOUNT), Instant.now().minusSeconds(600));
        client.get().uri(api(OAUTH_ACCOUNT, "/orders/order-1")).headers(h -> h.setBearerAuth(expired)).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        String foreign = TestTokens.token(TestTokens.newKey(), "intruder", "numbers:read numbers:write",
                List.of(OAUTH_ACCOUNT), Instant.now().plusSeconds(300));
        client.get().uri(api(OAUTH_ACCOUNT, "/orders/order-1")).headers(h -> h.setBearerAuth(foreign)).exchange()
                .expectStatus().isUnauthorized();
        bandwidth.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
    }

    private static String token(String scope, List<String> accounts, Instant expires) {
        return TestTokens.token(ISSUER_KEY, "billing-service", scope, accounts, expires);
    }
}
