package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.support.Fixtures;

/**
 * Hostile or sloppy request bodies are refused, never guessed at: no conversion between JSON types, no control
 * characters, noncharacters or lone surrogates, bounded texts and ids; and nothing of it reaches Bandwidth.
 */
class StrictInputIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String SELECTION = "\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"quantity\":";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"Line\"," + SELECTION + "2.5}}|selection.quantity",
            "{\"name\":\"Line\"," + SELECTION + "1.9}}|selection.quantity",
            "{\"name\":\"Line\"," + SELECTION + "\"2\"}}|selection.quantity",
            "{\"name\":\"Line\"," + SELECTION + "true}}|selection.quantity",
            "{\"name\":\"Line\",\"partialAllowed\":\"true\"," + SELECTION + "1}}|partialAllowed",
            "{\"name\":\"Line\",\"partialAllowed\":1," + SELECTION + "1}}|partialAllowed",
            "{\"name\":42," + SELECTION + "1}}|name",
            "{\"name\":\"Line\",\"selection\":{\"type\":\"phoneNumbers\",\"phoneNumbers\":[9195550101]}}"
                    + "|selection.phoneNumbers[0]" })
    void aValueOfAnotherJsonTypeIsRefusedNotConverted(String body, String field) {
        refused(order(body), "malformed_request", field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Li\\u0001ne|must not contain control characters",
            "Li\\nne|must not contain control characters",
            "Li\\ufffene|must not contain noncharacters",
            "Li\\ud800ne|must not contain a lone surrogate" })
    void unacceptableCharactersInTextAreRefused(String name, String reason) {
        refused(order("{\"name\":\"" + name + "\"," + SELECTION + "1}}"), "validation_failed", "name")
                .jsonPath("$.errors[0].message").isEqualTo(reason);
    }

    @Test
    void aHugeReservationIdIsRefusedBeforeBandwidthSeesIt() {
        String body = "{\"name\":\"Line\",\"selection\":{\"type\":\"phoneNumbers\",\"phoneNumbers\":[\"+19195550101\"],"
                + "\"reservationIds\":[\"" + "a".repeat(80_000) + "\"]}}";

        refused(order(body), "validation_failed", "selection.reservationIds[0]");
    }

    @Test
    void aBodyWithThousandsOfBadEntriesGetsAProblemOfBoundedSize() {
        String body = "{\"phoneNumbers\":[" + "\"x\",".repeat(2999) + "\"x\"]}";

        refused(client.post().uri(api(OAUTH_ACCOUNT, "/disconnects")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), "validation_failed",
                "phoneNumbers[0]")
                .jsonPath("$.errors.length()").isEqualTo(50)
                .jsonPath("$.errorsOmitted").isEqualTo(2950);
    }

    @Test
    void aReservationIdThatIsNotAUuidIsRefused() {
        String body = "{\"name\":\"Line\",\"selection\":{\"type\":\"phoneNumbers\",\"phoneNumbers\":[\"+19195550101\"],"
                + "\"reservationIds\":[\"res-1\"]}}";

        refused(order(body), "validation_failed", "selection.reservationIds[0]");
    }

    @Test
    void aPhoneNumberSentAsAJsonNumberIsRefused() {
        refused(client.post().uri(api(OAUTH_ACCOUNT, "/reservations")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"phoneNumber\":9195550101}").exchange(),
                "malformed_request", "phoneNumber");
    }

    @Test
    void twoIdempotencyKeysAreRefused() {
        refused(client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .header("Idempotency-Key", "a").header("Idempotency-Key", "b")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Line\"," + SELECTION + "1}}")
                .exchange(), "validation_failed", "Idempotency-Key");
    }

    @Test
    void theSameBodyWithItsKeysReorderedAndReindentedIsTheSameRequest() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders")))
                .willReturn(xml(404, Fixtures.read(BandwidthEndpoints.class, "error-response-404.xml"))));
        bandwidth.stubFor(post(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders")))
                .willReturn(xml(201, Fixtures.read(BandwidthEndpoints.class, "order-response-received.xml"))));

        keyed("{\"name\":\"Line\",\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"quantity\":1}}")
                .expectStatus().isCreated();
        keyed("{\n  \"selection\" : { \"quantity\" : 1, \"areaCode\" : \"919\", \"type\" : \"areaCode\" },\n"
                + "  \"name\" : \"Line\"\n}").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");

        bandwidth.verify(1, postRequestedFor(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders"))));
    }

    @Test
    void aCallerThatAcceptsOnlyProblemJsonGetsItsProblem() {
        client.get().uri(api(OAUTH_ACCOUNT, "/available-numbers?areaCode=19")).header("X-API-Key", OPS_KEY)
                .accept(MediaType.APPLICATION_PROBLEM_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed");
    }

    @Test
    void theBodyLimitIsTheDocumentedOneMegabyte() {
        String padding = " ".repeat(900 * 1024);
        refused(order("{\"name\":\"Li\\u0001ne\"," + padding + SELECTION + "1}}"), "validation_failed", "name");

        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"" + "x".repeat(1100 * 1024) + "\"}")
                .exchange().expectStatus().isEqualTo(413);
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    private WebTestClient.ResponseSpec order(String body) {
        return client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec keyed(String body) {
        return client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .header("Idempotency-Key", "key-canonical").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private static WebTestClient.BodyContentSpec refused(WebTestClient.ResponseSpec response, String code,
            String field) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.errors[0].field").isEqualTo(field);
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
        return body;
    }
}
