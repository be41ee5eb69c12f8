package com.acme.numbers;

import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

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
        bandwidth.stubFor(post(urlPathEqualTo(RESERVATIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "http://localhost:" + bandwidth.port() + RESERVATIONS + "/res-1")));
        bandwidth.stubFor(post(urlPathEqualTo(RESERVATIONS)).withRequestBody(containing("9195550107"))
                .willReturn(xml(400, read(BandwidthEndpoints.class, "reservation-error-5041.xml"))));
        bandwidth.stubFor(get(urlPathEqualTo(RESERVATIONS + "/res-1"))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "reservation-response.xml"))));
        bandwidth.stubFor(delete(urlPathMatching(RESERVATIONS + "/.*")).willReturn(aResponse().withStatus(200)));

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

    @Test
    void aReaderMayNotReserveInBatches() {
        client.post().uri(api(OAUTH_ACCOUNT, "/reservation-batches")).header("X-API-Key", READER_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("numbers", List.of("+19195550100")))
                .exchange().expectStatus().isForbidden();
        bandwidth.verify(0, postRequestedFor(urlPathEqualTo(RESERVATIONS)));
    }
}
