package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.acme.numbers.support.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.acme.numbers.bandwidth.BandwidthEndpoints;

/**
 * End to end through the running gateway against a stub Bandwidth: search, reserve, order, read the order until
 * COMPLETE, look the number up, disconnect; once with OAuth2 client credentials and once with Basic auth.
 */
@ExtendWith(OutputCaptureExtension.class)
class NumbersGatewayIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String RESERVATION_ID = "2489a0b4-6d1f-4c2e-9a7b-3f5e1c0d8a21";

    /* An account no other test uses, so the token cache starts empty: exactly one fetch serves the whole flow. */
    @Test
    void wholeLifeCycleWithOAuth2(CapturedOutput output) {
        bandwidth.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo(basic(FRESH_CLIENT_ID, CLIENT_SECRET)))
                .willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}")));

        runLifeCycle(FRESH_OAUTH_ACCOUNT);

        assertThat(bandwidth.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo(basic(FRESH_CLIENT_ID, CLIENT_SECRET))))).hasSize(1);
        assertThat(bandwidth.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))).hasSize(1);
        assertThat(bandwidth.findAll(anyRequestedFor(urlPathMatching("/api/accounts/" + FRESH_OAUTH_ACCOUNT + "/.*"))))
                .isNotEmpty().allSatisfy(call -> assertThat(call.getHeader("Authorization")).isEqualTo(
                        "Bearer " + TOKEN));
        assertNoSecretIn(output.getAll());
    }

    @Test
    void wholeLifeCycleWithBasicAuth(CapturedOutput output) {
        runLifeCycle(BASIC_ACCOUNT);

        bandwidth.verify(0, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        bandwidth.verify(getRequestedFor(urlPathMatching("/api/accounts/" + BASIC_ACCOUNT + "/.*"))
                .withHeader("Authorization", equalTo(basic("user-e2e", PASSWORD))));
        assertNoSecretIn(output.getAll());
    }

    private void runLifeCycle(String account) {
        stubLifeCycle(account);

        client.get().uri(api(account, "/available-numbers?areaCode=919&quantity=2")).header("X-API-Key", OPS_KEY)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.count").isEqualTo(2).jsonPath("$.numbers[0].phoneNumber").isEqualTo("+19195550101");

        client.post().uri(api(account, "/reservations")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phoneNumber", "+19195550101"))
                .exchange().expectStatus().isCreated()
                .expectHeader().location("/api/v1/accounts/" + account + "/reservations/" + RESERVATION_ID)
                .expectBody().jsonPath("$.id").isEqualTo(RESERVATION_ID).jsonPath("$.expiresInSeconds").isEqualTo(14390)
                .jsonPath("$.expiresAt").isNotEmpty();

        client.post().uri(api(account, "/orders")).header("X-API-Key", OPS_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Support line", "siteId", "1001", "customerOrderId", "ticket-1",
                        "selection", Map.of("type", "phoneNumbers", "phoneNumbers", new String[] { "+19195550101" },
                                "reservationIds", new String[] { RESERVATION_ID })))
                .exchange().expectStatus().isCreated()
                .expectHeader().location("/api/v1/accounts/" + account + "/orders/order-1")
                .expectBody().jsonPath("$.status").isEqualTo("RECEIVED");

        client.get().uri(api(account, "/orders/order-1")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RECEIVED");
        client.get().uri(api(account, "/orders/order-1")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.completedNumbers[0]").isEqualTo("+19195550101")
                .jsonPath("$.summary").isEqualTo("1 number ordered in (919)")
                .jsonPath("$.completedAt").isEqualTo("2026-11-28T10:00:02Z");

        client.get().uri(api(account, "/phone-numbers/+19195550101")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("Inservice").jsonPath("$.accountId").isEqualTo(account)
                .jsonPath("$.siteId").isEqualTo("1001");

        client.post().uri(api(account, "/disconnects")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumbers", new String[] { "9195550101" }, "mode", "normal"))
                .exchange().expectStatus().isCreated()
                .expectHeader().location("/api/v1/accounts/" + account + "/disconnects/disc-1")
                .expectBody().jsonPath("$.status").isEqualTo("RECEIVED");
        client.get().uri(api(account, "/disconnects/disc-1")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.disconnectedNumbers[0]").isEqualTo("+19195550101")
                .jsonPath("$.errors").isEmpty();

        String order = bandwidth.findAll(postRequestedFor(urlPathEqualTo(upstream(account, "/orders")))).get(0)
                .getBodyAsString();
        assertThat(order).contains("<ExistingTelephoneNumberOrderType>")
                .contains("<ReservationId>" + RESERVATION_ID + "</ReservationId>");
    }

    private void stubLifeCycle(String account) {
        Class<?> bw = BandwidthEndpoints.class;
        bandwidth.stubFor(get(urlPathEqualTo(upstream(account, "/availableNumbers")))
                .willReturn(xml(200, read(bw, "search-response-plain.xml"))));
        bandwidth.stubFor(post(urlPathEqualTo(upstream(account, "/tnreservation"))).willReturn(aResponse()
                .withStatus(201).withHeader("Location", "https://bandwidth.test/api/accounts/" + account
                        + "/tnreservation/" + RESERVATION_ID)));
        bandwidth.stubFor(get(urlPathEqualTo(upstream(account, "/tnreservation/" + RESERVATION_ID)))
                .willReturn(xml(200, read(bw, "reservation-response.xml"))));
        bandwidth.stubFor(post(urlPathEqualTo(upstream(account, "/orders")))
                .willReturn(xml(201, read(bw, "order-response-received.xml"))));
        bandwidth.stubFor(get(urlPathEqualTo(upstream(account, "/orders/order-1"))).inScenario("order")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(xml(200, read(bw, "order-response-received.xml"))));
        bandwidth.stubFor(get(urlPathEqualTo(upstream(account, "/orders/order-1"))).inScenario("order")
                .whenScenarioStateIs("done").willReturn(xml(200, read(getClass(), "order-complete.xml"))));
        bandwidth.stubFor(get(urlPathEqualTo("/api/tns/9195550101/tndetails"))
                .willReturn(xml(200, read(bw, "tn-details.xml").replace("acct-oauth", account))));
        bandwidth.stubFor(post(urlPathEqualTo(upstream(account, "/disconnects")))
                .willReturn(xml(201, read(getClass(), "disconnect-received.xml"))));
        bandwidth.stubFor(get(urlPathEqualTo(upstream(account, "/disconnects/disc-1")))
                .willReturn(xml(200, read(getClass(), "disconnect-complete.xml"))));
    }

    static void assertNoSecretIn(String log) {
        assertThat(log).isNotEmpty()
                .doesNotContain(CLIENT_SECRET).doesNotContain(PASSWORD).doesNotContain(TOKEN)
                .doesNotContain(OPS_KEY).doesNotContain(READER_KEY).doesNotContain(OTHER_OPS_KEY)
                .doesNotContain(Base64.getEncoder().encodeToString(("client-e2e:" + CLIENT_SECRET).getBytes()))
                .doesNotContain(Base64.getEncoder().encodeToString(("user-e2e:" + PASSWORD).getBytes()));
    }

    @Test
    void healthAndApiDocsNeedNoKey() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().value(status ->
                assertThat(HttpStatus.valueOf(status).is2xxSuccessful() || HttpStatus.valueOf(status).is3xxRedirection())
                        .isTrue());
    }
}
