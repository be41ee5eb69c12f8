package com.acme.numbers;

import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.acme.numbers.bandwidth.BandwidthEndpoints;

/** Batches against a stub Bandwidth: what an atomic batch sends when one number fails, and Bandwidth's code kept. */
class ReservationBatchStubIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String RESERVATIONS = upstream(OAUTH_ACCOUNT, "/tnreservation");

    @Test
    void anAtomicBatchOfTwentyWithOneTakenNumberReleasesTheNineteenItHeld() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(String.format("+1919555%04d", 100 + i));
        }
        stubReservations();
        bandwidth.stubFor(post(urlPathEqualTo(RESERVATIONS)).withRequestBody(containing("9195550107"))
                .willReturn(xml(400, read(BandwidthEndpoints.class, "reservation-error-5041.xml"))));

        String body = client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("numbers", numbers)).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();

        bandwidth.verify(20, postRequestedFor(urlPathEqualTo(RESERVATIONS)));
        bandwidth.verify(19, deleteRequestedFor(urlPathMatching(RESERVATIONS + "/.*")));
        assertThat((List<String>) JsonPath.read(body, "$.batch.numbers[?(@.status == 'FAILED')].bandwidthCode"))
                .containsExactly("5041");
        assertThat((List<Boolean>) JsonPath.read(body, "$.batch.numbers[?(@.status == 'FAILED')].retryable"))
                .containsExactly(false);
        assertThat((Integer) JsonPath.read(body, "$.batch.reserved")).isZero();
    }

    /* Two of the first five found are taken before they can be held: the gateway searches again for two more. */
    @Test
    void searchAndReserveReachesTheQuantityWhenNumbersAreTakenMeanwhile() {
        String search = upstream(OAUTH_ACCOUNT, "/availableNumbers");
        bandwidth.stubFor(get(urlPathEqualTo(search)).inScenario("taken").whenScenarioStateIs(STARTED)
                .willSetStateTo("searched").willReturn(xml(200, searchResult(101, 110))));
        bandwidth.stubFor(get(urlPathEqualTo(search)).inScenario("taken").whenScenarioStateIs("searched")
                .willReturn(xml(200, searchResult(103, 112))));
        stubReservations();
        for (String taken : List.of("9195550102", "9195550104")) {
            bandwidth.stubFor(post(urlPathEqualTo(RESERVATIONS)).withRequestBody(containing(taken))
                    .willReturn(xml(400, read(BandwidthEndpoints.class, "reservation-error-5041.xml"))));
        }

        String body = client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("search", Map.of("areaCode", "919"), "quantity", 5)).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat((Integer) JsonPath.read(body, "$.reserved")).isEqualTo(5);
        assertThat((List<String>) JsonPath.read(body, "$.numbers[?(@.status == 'RESERVED')].phoneNumber"))
                .containsExactly("+19195550101", "+19195550103", "+19195550105", "+19195550106", "+19195550107");
        assertThat((List<String>) JsonPath.read(body, "$.numbers[?(@.status == 'FAILED')].phoneNumber"))
                .containsExactly("+19195550102", "+19195550104");
        bandwidth.verify(2, getRequestedFor(urlPathEqualTo(search)));
        bandwidth.verify(7, postRequestedFor(urlPathEqualTo(RESERVATIONS)));
        bandwidth.verify(0, deleteRequestedFor(urlPathMatching(RESERVATIONS + "/.*")));
    }

    @Test
    void aSearchThatRunsDryAbortsAnAtomicBatchAndReleasesWhatItHeld() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/availableNumbers")))
                .willReturn(xml(200, searchResult(101, 103))));
        stubReservations();

        client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("search", Map.of("areaCode", "919"), "quantity", 5)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.batch.status").isEqualTo("ABORTED");
        bandwidth.verify(3, deleteRequestedFor(urlPathMatching(RESERVATIONS + "/.*")));
    }

    @Test
    void aSearchBatchNeedsKnownKeysOfTheRightTypeAndAQuantity() {
        String body = client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("search", Map.of("areaCod", "919", "endsIn", "yes"), "quantity", 500)).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat((List<String>) JsonPath.read(body, "$.errors[*].field"))
                .containsExactlyInAnyOrder("search.areaCod", "search.endsIn");
        client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("search", Map.of("areaCode", "919")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("quantity");
        bandwidth.verify(0, getRequestedFor(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/availableNumbers"))));
    }

    /* Found by bench/batch.sh: releases refused by the rate limit were left held. They wait and go again. */
    @Test
    void aReleaseRefusedByTheRateLimitIsTriedAgain() {
        stubReservations();
        bandwidth.stubFor(post(urlPathEqualTo(RESERVATIONS)).withRequestBody(containing("9195550102"))
                .willReturn(xml(400, read(BandwidthEndpoints.class, "reservation-error-5041.xml"))));
        bandwidth.stubFor(delete(urlPathMatching(RESERVATIONS + "/.*")).inScenario("throttled")
                .whenScenarioStateIs(STARTED).willSetStateTo("once").willReturn(aResponse().withStatus(429)
                        .withHeader("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 1))));
        bandwidth.stubFor(delete(urlPathMatching(RESERVATIONS + "/.*")).inScenario("throttled")
                .whenScenarioStateIs("once").willReturn(aResponse().withStatus(200)));

        client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("numbers", List.of("+19195550101", "+19195550102"))).exchange()
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.batch.numbers[0].status").isEqualTo("RELEASED")
                .jsonPath("$.batch.reserved").isEqualTo(0);
        bandwidth.verify(2, deleteRequestedFor(urlPathMatching(RESERVATIONS + "/.*")));
    }

    @Test
    void aReaderMayNotReserveInBatches() {
        client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", READER_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("numbers", List.of("+19195550100")))
                .exchange().expectStatus().isForbidden();
        bandwidth.verify(0, postRequestedFor(urlPathEqualTo(RESERVATIONS)));
    }

    private static void stubReservations() {
        bandwidth.stubFor(post(urlPathEqualTo(RESERVATIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "http://localhost:" + bandwidth.port() + RESERVATIONS + "/res-1")));
        bandwidth.stubFor(get(urlPathEqualTo(RESERVATIONS + "/res-1"))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "reservation-response.xml"))));
        bandwidth.stubFor(delete(urlPathMatching(RESERVATIONS + "/.*")).willReturn(aResponse().withStatus(200)));
    }

    /** Bandwidth's search answer listing 919555{first..last}. */
    private static String searchResult(int first, int last) {
        StringBuilder numbers = new StringBuilder();
        for (int n = first; n <= last; n++) {
            numbers.append("<TelephoneNumber>919555").append(String.format("%04d", n)).append("</TelephoneNumber>");
        }
        return "<SearchResult><ResultCount>" + (last - first + 1) + "</ResultCount><TelephoneNumberList>" + numbers
                + "</TelephoneNumberList></SearchResult>";
    }
}
