package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What answers at Bandwidth's address is not always Bandwidth: a proxy's HTML page, an ingress's JSON, a truncated
 * or empty body. Each upstream family answers such a thing with a 502 problem naming the operation, the status and
 * the content type (never the body), and never with an empty result.
 */
class ForeignAnswersIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String HTML = "<html><body>502 Bad Gateway</body></html>";

    @ParameterizedTest
    @ValueSource(strings = { "/available-numbers?areaCode=336", "/reservations/3b1c7f2e-0d4a-4c5e-9f60-1a2b3c4d5e6f",
            "/orders/order-1", "/disconnects/disc-1", "/phone-numbers/+19195550101" })
    void anHtmlPageWithStatus200IsA502InEveryFamily(String path) {
        bandwidth.stubFor(get(urlPathMatching("/api/.*")).willReturn(page(200, "text/html", HTML)));

        foreign(client.get().uri(api(OAUTH_ACCOUNT, path)).header("X-API-Key", OPS_KEY)
                .header("X-Request-Id", "req-foreign-1").exchange(), "HTTP 200, text/html")
                .jsonPath("$.requestId").isEqualTo("req-foreign-1");
    }

    @Test
    void anHtmlPageAnsweringAnOrderPostIsAnUnknownOutcomeNotACreatedOrder() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders"))).willReturn(page(404,
                "application/xml", "<ErrorResponse><ResponseStatus><Description>The resource does not exist"
                        + "</Description></ResponseStatus></ErrorResponse>")));
        bandwidth.stubFor(post(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders")))
                .willReturn(page(200, "text/html", HTML)));

        // the page may come from a proxy that did forward the order: its outcome is unknown, not a failure
        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY).header("Idempotency-Key", "html")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Line", "selection",
                        Map.of("type", "areaCode", "areaCode", "919", "quantity", 1))).exchange()
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.code").isEqualTo("outcome_unknown")
                .jsonPath("$.customerOrderId").isNotEmpty()
                .jsonPath("$.detail").value(String.class, detail -> org.assertj.core.api.Assertions.assertThat(detail)
                        .contains("same Idempotency-Key").doesNotContain("Bad Gateway"));
    }

    @Test
    void jsonWhereXmlIsDueIsA502() {
        bandwidth.stubFor(get(urlPathMatching("/api/.*")).willReturn(page(200, "application/json", "{\"count\":0}")));

        foreign(search(), "HTTP 200, application/json");
    }

    @Test
    void aDocumentOfAnotherKindIsA502() {
        bandwidth.stubFor(get(urlPathMatching("/api/.*")).willReturn(page(200, "application/xml",
                "<OrderResponse><OrderStatus>COMPLETE</OrderStatus></OrderResponse>")));

        foreign(search(), "a document of another kind");
    }

    @ParameterizedTest
    @ValueSource(strings = { "<!DOCTYPE SearchResult><SearchResult><ResultCount>0</ResultCount></SearchResult>",
            "" })
    void aDoctypeOrAnEmptyBodyIsA502(String body) {
        bandwidth.stubFor(get(urlPathMatching("/api/.*")).willReturn(page(200, "application/xml", body)));

        foreign(search(), "HTTP 200, application/xml");
    }

    @Test
    void aTruncatedDocumentIsA502() {
        bandwidth.stubFor(get(urlPathMatching("/api/.*")).willReturn(page(200, "application/xml",
                "<SearchResult><TelephoneNumberList><TelephoneNumber>9195550101")));

        foreign(search(), "not valid XML");
    }

    @Test
    void anHtmlNotFoundPageIsNotReadAsBandwidthsNotFound() {
        bandwidth.stubFor(get(urlPathMatching("/api/.*")).willReturn(page(404, "text/html", HTML)));

        foreign(client.get().uri(api(OAUTH_ACCOUNT, "/orders/order-1")).header("X-API-Key", OPS_KEY).exchange(),
                "HTTP 404, text/html");
    }

    @Test
    void anHtmlPageAtTheTokenEndpointIsA502() {
        // The refused token makes the gateway fetch a new one, whatever it has cached from earlier tests.
        bandwidth.stubFor(get(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(401)));
        bandwidth.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(page(200, "text/html", HTML)));

        foreign(search(), "token endpoint answered HTTP 200 with text/html");
    }

    private WebTestClient.ResponseSpec search() {
        return client.get().uri(api(OAUTH_ACCOUNT, "/available-numbers?areaCode=336")).header("X-API-Key", OPS_KEY)
                .exchange();
    }

    private static WebTestClient.BodyContentSpec foreign(WebTestClient.ResponseSpec response, String detailPart) {
        return response.expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("upstream_failure")
                .jsonPath("$.detail").value(String.class, detail -> org.assertj.core.api.Assertions.assertThat(detail)
                        .contains(detailPart).doesNotContain("Bad Gateway").doesNotContain("TelephoneNumber"))
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.count").doesNotExist();
    }

    private static ResponseDefinitionBuilder page(int status, String type, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", type).withBody(body);
    }
}
