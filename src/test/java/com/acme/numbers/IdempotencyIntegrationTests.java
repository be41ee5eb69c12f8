package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.acme.numbers.support.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import com.acme.numbers.bandwidth.BandwidthEndpoints;

/** Safe retries of POST: Idempotency-Key replays, conflicts, per-client scope, and no double order after a reset. */
class IdempotencyIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String ORDERS = "/api/accounts/" + OAUTH_ACCOUNT + "/orders";
    private static final Map<String, Object> ORDER = Map.of("name", "Support line", "selection",
            Map.of("type", "areaCode", "areaCode", "919", "quantity", 2));

    @Test
    void sameKeyAndBodyReplayTheFirstAnswerWithOneUpstreamOrder() {
        stubOrderCreation();

        EntityExchangeResult<String> first = postOrder("key-replay", ORDER, OPS_KEY);
        EntityExchangeResult<String> second = postOrder("key-replay", ORDER, OPS_KEY);

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(second.getStatus().value()).isEqualTo(201);
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        bandwidth.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
        String sent = bandwidth.findAll(postRequestedFor(urlPathEqualTo(ORDERS))).get(0).getBodyAsString();
        assertThat(sent).containsPattern("<CustomerOrderId>idem-[0-9a-f]{32}</CustomerOrderId>");
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        stubOrderCreation();
        postOrder("key-mismatch", ORDER, OPS_KEY);

        EntityExchangeResult<String> other = postOrder("key-mismatch", Map.of("name", "Other", "selection",
                Map.of("type", "areaCode", "areaCode", "212", "quantity", 1)), OPS_KEY);

        assertThat(other.getStatus().value()).isEqualTo(422);
        assertThat(other.getResponseBody()).contains("\"code\":\"idempotency_key_reused\"");
        bandwidth.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void keysAreScopedPerClient() {
        stubOrderCreation();
        postOrder("key-shared", ORDER, OPS_KEY);

        EntityExchangeResult<String> other = postOrder("key-shared", ORDER, OTHER_OPS_KEY);

        assertThat(other.getStatus().value()).isEqualTo(201);
        assertThat(other.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        bandwidth.verify(2, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void fiftyParallelRequestsWithOneKeyMakeOneUpstreamCall() {
        stubOrderCreation();
        bandwidth.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(xml(201,
                read(BandwidthEndpoints.class, "order-response-received.xml")).withFixedDelay(700)));
        WebClient http = WebClient.create("http://127.0.0.1:" + port);

        List<Integer> statuses = Flux.range(0, 50)
                .flatMap(i -> http.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                        .header("Idempotency-Key", "key-parallel").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(ORDER).exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 50)
                .collectList().block();

        assertThat(statuses).hasSize(50).allSatisfy(status -> assertThat(status).isIn(201, 409));
        assertThat(statuses).contains(201);
        bandwidth.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void connectionResetAfterTheOrderIsSentNeverLeadsToASecondOrder() {
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(404, read(BandwidthEndpoints.class, "error-response-404.xml"))));
        bandwidth.stubFor(post(urlPathEqualTo(ORDERS)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("order exists").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        EntityExchangeResult<String> lost = postOrder("key-reset", ORDER, OPS_KEY);
        assertThat(lost.getStatus().value()).isEqualTo(502);
        assertThat(lost.getResponseBody()).contains("\"retryable\":true").contains("\"code\":\"outcome_unknown\"")
                .containsPattern("\"customerOrderId\":\"idem-[0-9a-f]{32}\"");

        String reference = bandwidth.findAll(postRequestedFor(urlPathEqualTo(ORDERS))).get(0).getBodyAsString()
                .replaceAll("(?s).*<CustomerOrderId>([^<]+)</CustomerOrderId>.*", "$1");
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS)).inScenario("reset").whenScenarioStateIs("order exists")
                .withQueryParam("customerOrderId", equalTo(reference))
                .willReturn(xml(200, read(getClass(), "order-list-one.xml").replace("CUSTOMER_ORDER_ID", reference))));
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS + "/order-1"))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "order-response-received.xml"))));

        EntityExchangeResult<String> retried = postOrder("key-reset", ORDER, OPS_KEY);

        assertThat(retried.getStatus().value()).isEqualTo(201);
        assertThat(retried.getResponseBody()).contains("\"id\":\"order-1\"");
        bandwidth.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void anUnreadableAnswerToAnOrderIsLookedUpAndTheOrderReturnedNotAFailure() {
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS)).inScenario("unreadable").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(404, read(BandwidthEndpoints.class, "error-response-404.xml"))));
        bandwidth.stubFor(post(urlPathEqualTo(ORDERS)).inScenario("unreadable").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("bought").willReturn(xml(201, "<OrderResponse><Order><id>order-1</id><Name>"
                        + "x".repeat(70_000) + "</Name></Order>")));
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS)).inScenario("unreadable").whenScenarioStateIs("bought")
                .willReturn(xml(200, read(getClass(), "order-list-one.xml").replace("CUSTOMER_ORDER_ID", "ref-1"))));
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS + "/order-1"))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "order-response-received.xml"))));

        EntityExchangeResult<String> answer = postOrder("key-unreadable", ORDER, OPS_KEY);

        assertThat(answer.getStatus().value()).isEqualTo(201);
        assertThat(answer.getResponseBody()).contains("\"id\":\"order-1\"");
        bandwidth.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void aDefiniteRejectionIsAFailureWithoutALookUp() {
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS))
                .willReturn(xml(404, read(BandwidthEndpoints.class, "error-response-404.xml"))));
        bandwidth.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(xml(400, "<OrderResponse><ErrorList><Error>"
                + "<Code>5016</Code><Description>Invalid SiteId</Description></Error></ErrorList></OrderResponse>")));

        EntityExchangeResult<String> answer = postOrder("key-rejected", ORDER, OPS_KEY);

        assertThat(answer.getStatus().value()).isEqualTo(422);
        assertThat(answer.getResponseBody()).contains("\"upstreamCode\":\"5016\"");
        bandwidth.verify(1, getRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void ordersWithoutAKeyAreNotLookedUpFirst() {
        stubOrderCreation();

        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER).exchange().expectStatus().isCreated();

        bandwidth.verify(0, getRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void invalidKeysAre400() {
        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .header("Idempotency-Key", "has space").contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER)
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void aRequestRefusedAsInvalidLeavesTheKeyFreeForTheCorrectedOne() {
        stubOrderCreation();

        EntityExchangeResult<String> invalid = postOrder("key-corrected", Map.of("name", "Support line",
                "selection", Map.of("type", "areaCode", "areaCode", "91", "quantity", 2)), OPS_KEY);
        EntityExchangeResult<String> corrected = postOrder("key-corrected", ORDER, OPS_KEY);

        assertThat(invalid.getStatus().value()).isEqualTo(400);
        assertThat(corrected.getStatus().value()).isEqualTo(201);
        assertThat(corrected.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        bandwidth.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void preferWaitAnswersWithTheFinalState() {
        stubOrderCreation();
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS + "/order-1"))
                .willReturn(xml(200, read(getClass(), "order-complete.xml"))));

        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY).header("Prefer", "wait=5")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Preference-Applied", "wait=5")
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETE");
    }

    @Test
    void preferWaitThatRunsOutAnswersTheCurrentState() {
        stubOrderCreation();
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS + "/order-1"))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "order-response-received.xml"))));

        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY).header("Prefer", "wait=1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER).exchange()
                .expectStatus().isCreated().expectHeader().doesNotExist("Preference-Applied")
                .expectBody().jsonPath("$.status").isEqualTo("RECEIVED");
        assertThat(bandwidth.findAll(getRequestedFor(urlPathEqualTo(ORDERS + "/order-1")))).hasSizeBetween(1, 4);
    }

    private void stubOrderCreation() {
        bandwidth.stubFor(get(urlPathEqualTo(ORDERS))
                .willReturn(xml(404, read(BandwidthEndpoints.class, "error-response-404.xml"))));
        bandwidth.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(xml(201, read(BandwidthEndpoints.class, "order-response-received.xml"))));
    }

    private EntityExchangeResult<String> postOrder(String key, Object body, String apiKey) {
        return client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", apiKey)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody(String.class).returnResult();
    }
}
