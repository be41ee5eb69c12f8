package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.acme.numbers.support.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.support.RawHttp;

/** Every problem type, as callers see it: RFC 9457 bodies, stable codes, and no upstream call for bad input. */
class ProblemDetailsIntegrationTests extends StubBandwidthIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private MeterRegistry meters;

    @Test
    void missingOrUnknownKeyIs401() {
        problem(client.get().uri(api(OAUTH_ACCOUNT, "/orders/o1")).header("X-Request-Id", "trace-1").exchange(),
                401, "unauthenticated")
                .jsonPath("$.requestId").isEqualTo("trace-1");
        problem(client.get().uri(api(OAUTH_ACCOUNT, "/orders/o1")).header("X-API-Key", "nope").exchange(), 401,
                "unauthenticated");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void accountOrScopeOutsideTheGrantIs403WithoutUpstreamCall() {
        problem(client.post().uri(api(OAUTH_ACCOUNT, "/reservations")).header("X-API-Key", READER_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phoneNumber", "9195550101")).exchange(),
                403, "forbidden");
        problem(client.get().uri(api("acct-other", "/orders/o1")).header("X-API-Key", OPS_KEY).exchange(), 403,
                "forbidden");
        problem(client.get().uri(api(BASIC_ACCOUNT, "/orders/o1")).header("X-API-Key", READER_KEY).exchange(), 403,
                "forbidden");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownParameterIsNamedButALongNameIsCut() {
        String name = "x".repeat(300);
        problem(client.get().uri(api(OAUTH_ACCOUNT, "/available-numbers?areaCode=919&" + name + "=1"))
                .header("X-API-Key", OPS_KEY).exchange(), 400, "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("x".repeat(64) + "…")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).hasSizeLessThan(200));
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Spring Security's strict firewall, as callers meet it: in the path, in a query parameter, in a header. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/orders/a%2Fb | false",
            "/available-numbers?areaCode=919&%01=1 | false",
            "/available-numbers?areaCode=919 | true" })
    void whatTheFirewallRefusesIs400WithoutUpstreamCall(String path, boolean controlCharacterInKey) {
        URI uri = URI.create("http://localhost:" + port + api(OAUTH_ACCOUNT, path));
        String key = controlCharacterInKey ? OPS_KEY + (char) 0x85 : OPS_KEY;
        problem(client.get().uri(uri).header("X-API-Key", key).exchange(), 400, "malformed_request")
                .jsonPath("$.detail").isEqualTo(
                        "The request URL, a query parameter or a header contains characters that are not allowed.");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    /* The firewall refuses methods outside its list before any routing: that is a 405, not a malformed request. */
    @ParameterizedTest
    @CsvSource({ "TRACE", "CONNECT", "PROPFIND" })
    void aMethodTheFirewallRefusesIs405WithoutUpstreamCall(String method) {
        problem(client.method(HttpMethod.valueOf(method)).uri(api(OAUTH_ACCOUNT, "/available-numbers?areaCode=919"))
                .header("X-API-Key", OPS_KEY).exchange()
                .expectHeader().value(HttpHeaders.ALLOW,
                        allow -> assertThat(allow).contains("GET").doesNotContain(method)),
                405, "method_not_allowed")
                .jsonPath("$.detail").isEqualTo("This HTTP method is not allowed.");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/available-numbers?areaCode=919&colour=blue | colour",
            "/available-numbers?quantity=5 | search",
            "/available-numbers?areaCode=919&quantity=abc | quantity",
            "/available-numbers?areaCode=919&quantity=0 | quantity",
            "/available-numbers?rateCenter=RALEIGH | state",
            "/available-numbers?tollFreeVanity=FLOWERS&areaCode=919 | search",
            "/orders?status=lost | status",
            "/orders?from=yesterday | from",
            "/orders?pageToken=not-ours | pageToken",
            "/orders?size=5000 | size",
            "/orders/bad$id | orderId",
            "/phone-numbers/12345 | phoneNumber",
            "/reservations/bad$id | reservationId" })
    void invalidQueriesAre400NamingTheField(String path, String field) {
        problem(client.get().uri(api(OAUTH_ACCOUNT, path)).header("X-API-Key", OPS_KEY).exchange(), 400, null)
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains(field));
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/reservations | {\"phoneNumber\":\"+4420\"} | phoneNumber",
            "/reservations | {\"phoneNumber\":\"9195550101\",\"hold\":\"1h\"} | hold",
            "/orders | {\"name\":\"n\",\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"quantity\":1},\"colour\":1} | colour",
            "/orders | {\"name\":\"n\",\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"quantity\":\"x\"}} | selection.quantity",
            "/orders | {\"name\":\"n\",\"selection\":{\"type\":\"cheapest\"}} | selection.type",
            "/orders | {\"name\":\"n\",\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"quantity\":6000}} | selection.quantity",
            "/orders | {\"name\":\"n\",\"selection\":{\"type\":\"phoneNumbers\",\"phoneNumbers\":[\"9195550101\",\"123\"]}} | selection.phoneNumbers[1]",
            "/orders | {\"name\":\"n\",\"backOrderRequested\":true,\"selection\":{\"type\":\"npaNxx\",\"npaNxx\":\"919555\",\"quantity\":1}} | backOrderRequested",
            "/orders | {\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"quantity\":1}} | name",
            "/disconnects | {\"phoneNumbers\":[]} | phoneNumbers",
            "/disconnects | {\"phoneNumbers\":[\"9195550101\"],\"mode\":\"soft\"} | mode" })
    void invalidBodiesAre400NamingTheField(String path, String body, String field) {
        problem(client.post().uri(api(OAUTH_ACCOUNT, path)).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 400, null)
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains(field));
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    /* One value per field and per parameter: neither Jackson's "last wins" nor Spring's "first wins" decides. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/reservations | {\"phoneNumber\":\"9195550101\",\"phoneNumber\":\"9195550102\"} | phoneNumber",
            "/orders | {\"name\":\"n\",\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"areaCode\":\"212\",\"quantity\":1}} | selection.areaCode",
            "/disconnects | {\"phoneNumbers\":[\"9195550101\"],\"mode\":\"normal\",\"mode\":\"purge\"} | mode" })
    void aFieldGivenTwiceIs400NamingIt(String path, String body, String field) {
        problem(client.post().uri(api(OAUTH_ACCOUNT, path)).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 400, "malformed_request")
                .jsonPath("$.detail").isEqualTo("Field '" + field + "' is given more than once.")
                .jsonPath("$.errors[0].field").isEqualTo(field);
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/available-numbers?areaCode=919&quantity=1&quantity=2 | quantity",
            "/orders?customerOrderId=a&customerOrderId=b | customerOrderId" })
    void aParameterGivenTwiceIs400NamingIt(String path, String parameter) {
        problem(client.get().uri(api(OAUTH_ACCOUNT, path)).header("X-API-Key", OPS_KEY).exchange(), 400,
                "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo(parameter)
                .jsonPath("$.errors[0].message").isEqualTo("is given more than once");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    /* Refused by the HTTP codec before WebFlux: still a problem body, then the connection closes, and a count. */
    @Test
    void aRequestTooLargeToReadGetsAProblemBody() {
        double refusedBefore = undecodableCount("url_too_long") + undecodableCount("headers_too_large");
        String longQuery = "?areaCode=919&x=" + "a".repeat(5000);
        undecodable(client.get().uri(api(OAUTH_ACCOUNT, "/available-numbers") + longQuery)
                .header("X-API-Key", OPS_KEY).exchange(), 414, "url_too_long")
                .jsonPath("$.instance").doesNotExist();
        undecodable(client.get().uri(api(OAUTH_ACCOUNT, "/orders?size=5")).header("X-API-Key", OPS_KEY)
                .header("X-Padding", "a".repeat(9000)).exchange(), 431, "headers_too_large")
                .jsonPath("$.instance").isEqualTo(api(OAUTH_ACCOUNT, "/orders"));
        assertThat(undecodableCount("url_too_long") + undecodableCount("headers_too_large"))
                .isEqualTo(refusedBefore + 2);
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    private double undecodableCount(String code) {
        return meters.get("gateway.requests.undecodable").tag("code", code).counter().count();
    }

    @Test
    void somethingThatIsNotHttpGetsAProblemBodyAndAnEarlierRequestItsOwnAnswerFirst() throws IOException {
        String notHttp = RawHttp.exchange(port, "GARBAGE\r\n\r\n");
        assertThat(notHttp).startsWith("HTTP/1.1 400 ").contains("application/problem+json")
                .contains("\"code\":\"malformed_request\"").contains("\"detail\":\"The request is not valid HTTP.\"");

        String pipelined = RawHttp.exchange(port, "GET /actuator/health/liveness HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(9000) + "\r\n\r\n");
        assertThat(pipelined).startsWith("HTTP/1.1 200 ").contains("HTTP/1.1 431 ");
        assertThat(pipelined.indexOf("HTTP/1.1 431 ")).isGreaterThan(pipelined.indexOf("\"UP\""));
    }


    /* Answered below WebFlux: the problem body of every error, without an instance rule, and the connection closes. */
    private static WebTestClient.BodyContentSpec undecodable(WebTestClient.ResponseSpec response, int status,
            String code) {
        return problemBody(response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store"), status, code)
                .jsonPath("$.type").isEqualTo("https://numbers-gateway.acme.example/problems/" + code.replace('_', '-'))
                .jsonPath("$.retryable").isEqualTo(false);
    }

    @Test
    void unreadableJsonIs400() {
        problem(client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":").exchange(), 400, "malformed_request");
        problem(client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(), 415, "unsupported_media_type");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    /* jackson-dataformat-xml is on the class path for the adapter; the API must not start speaking XML. */
    @ParameterizedTest
    @CsvSource({ "application/xml", "text/xml", "application/x-ndjson" })
    void theApiAnswersJsonOnlyAndOtherwiseIs406(String accept) {
        problem(client.get().uri(api(OAUTH_ACCOUNT, "/available-numbers?areaCode=919"))
                .header("X-API-Key", OPS_KEY).header("Accept", accept).exchange(), 406, "not_acceptable");
        problem(client.post().uri(api(OAUTH_ACCOUNT, "/reservations")).header("X-API-Key", OPS_KEY)
                .header("Accept", accept).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumber", "9195550101")).exchange(), 406, "not_acceptable");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    /* Content negotiation fails again on the same header when the problem is written: it must still have a body. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "/available-numbers?areaCode=919 | 406 | not_acceptable",
            "/nowhere | 404 | not_found" })
    void anUnreadableAcceptHeaderStillGetsAProblemBody(String path, int status, String code) {
        for (String accept : List.of("///", "application/json;charset=ebcdic", "application/json;q=x")) {
            problem(client.get().uri(api(OAUTH_ACCOUNT, path)).header("X-API-Key", OPS_KEY)
                    .header("Accept", accept).exchange(), status, code)
                    .jsonPath("$.requestId").isNotEmpty();
        }
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    /* The guard for the two tests around it: a new endpoint cannot forget to be JSON-only. */
    @Test
    void everyEndpointOfOursProducesJsonAndTakesJsonBodies() {
        Map<RequestMappingInfo, HandlerMethod> ours = mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getPackageName().startsWith("com.acme.numbers"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(ours).isNotEmpty().allSatisfy((info, method) -> {
            assertThat(info.getProducesCondition().getProducibleMediaTypes()).as("%s", info)
                    .containsExactly(MediaType.APPLICATION_JSON);
            boolean takesBody = Arrays.stream(method.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            // Bandwidth's notifications are the one body that is not JSON: Bandwidth sends XML
            boolean bandwidthCallback = info.getPatternsCondition().getPatterns().stream()
                    .anyMatch(pattern -> pattern.getPatternString().startsWith("/callbacks/bandwidth/"));
            assertThat(info.getConsumesCondition().getConsumableMediaTypes()).as("%s", info)
                    .isEqualTo(bandwidthCallback ? Set.of(MediaType.APPLICATION_XML, MediaType.TEXT_XML)
                            : takesBody ? Set.of(MediaType.APPLICATION_JSON) : Set.of());
        });
    }

    @Test
    void anXmlBodyIs415WithoutUpstreamCall() {
        problem(client.post().uri(api(OAUTH_ACCOUNT, "/reservations")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue("<ReservationRequest><phoneNumber>9195550101</phoneNumber></ReservationRequest>")
                .exchange(), 415, "unsupported_media_type");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void accountWithoutCredentialsIs404WithoutUpstreamCall() {
        problem(client.get().uri(api(NO_CREDENTIALS_ACCOUNT, "/orders/o1")).header("X-API-Key", OPS_KEY).exchange(),
                404, "not_found");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void upstreamOutcomesMapToTheirProblemTypes() {
        Class<?> bw = BandwidthEndpoints.class;
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/gone")))
                .willReturn(xml(404, read(bw, "error-response-404.xml"))));
        problem(getOrder("gone"), 404, "not_found");

        bandwidth.stubFor(post(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/tnreservation")))
                .willReturn(xml(400, read(bw, "reservation-error-5041.xml"))));
        problem(client.post().uri(api(OAUTH_ACCOUNT, "/reservations")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phoneNumber", "9195550101")).exchange(),
                409, "number_unavailable").jsonPath("$.upstreamCode").isEqualTo("5041");

        bandwidth.stubFor(post(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders")))
                .willReturn(xml(400, read(bw, "order-error-5016.xml"))));
        problem(client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "n", "selection",
                        Map.of("type", "areaCode", "areaCode", "919", "quantity", 1))).exchange(), 422,
                "upstream_rejected")
                .jsonPath("$.upstreamCode").isEqualTo("5016")
                .jsonPath("$.detail").isEqualTo("The SiteId submitted is invalid.");
    }

    /*
     * The reset is a minute away, so no slow call can outlast it (reopening at the reset: ThrottleGateTests); the
     * account is this test's alone, so its closure holds up no other test.
     */
    @Test
    void throttlingIs429WithRetryAfterAndNoCallGoesOutUntilTheReset() {
        Instant reset = Instant.now().plusSeconds(60);
        bandwidth.stubFor(get(urlPathEqualTo(upstream(THROTTLED_ACCOUNT, "/orders/throttled"))).willReturn(aResponse()
                .withStatus(429).withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))));

        getThrottled().expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(30L, 60L))
                .expectBody().jsonPath("$.code").isEqualTo("upstream_throttled").jsonPath("$.retryable").isEqualTo(true);
        bandwidth.stubFor(get(urlPathEqualTo(upstream(THROTTLED_ACCOUNT, "/orders/throttled")))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "order-response-partial.xml"))));
        getThrottled().expectStatus().isEqualTo(429);
        getThrottled().expectStatus().isEqualTo(429);
        bandwidth.verify(1, getRequestedFor(urlPathEqualTo(upstream(THROTTLED_ACCOUNT, "/orders/throttled"))));
    }

    private WebTestClient.ResponseSpec getThrottled() {
        return client.get().uri(api(THROTTLED_ACCOUNT, "/orders/throttled")).header("X-API-Key", OPS_KEY).exchange();
    }

    @Test
    void upstreamFailuresAre502WithAGenericDetail() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/o1"))).willReturn(aResponse()
                .withStatus(401).withBody("<Error>Invalid credentials for user-e2e</Error>")));
        problem(getOrder("o1"), 502, "upstream_failure").jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).doesNotContain("user-e2e").doesNotContain("Invalid"));

        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/o1"))).willReturn(aResponse()
                .withStatus(503)));
        problem(getOrder("o1"), 502, "upstream_failure").jsonPath("$.retryable").isEqualTo(true);

        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/o1"))).willReturn(aResponse()
                .withStatus(200).withBody("{\"not\":\"xml\"}")));
        problem(getOrder("o1"), 502, "upstream_failure");
    }

    @Test
    void slowUpstreamIs504() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/o1"))).willReturn(aResponse()
                .withStatus(200).withFixedDelay(2500)));

        problem(getOrder("o1"), 504, "upstream_timeout");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        problem(client.get().uri(api(OAUTH_ACCOUNT, "/nothing")).header("X-API-Key", OPS_KEY).exchange(), 404,
                "not_found");
        problem(client.patch().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", OPS_KEY).exchange(), 405,
                "method_not_allowed");
    }

    private WebTestClient.ResponseSpec getOrder(String id) {
        return client.get().uri(api(OAUTH_ACCOUNT, "/orders/" + id)).header("X-API-Key", OPS_KEY).exchange();
    }

    /** Asserts the RFC 9457 shape every problem shares; {@code code} null accepts either 400 code. */
    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String code) {
        return problemBody(response, status, code).jsonPath("$.instance").isNotEmpty();
    }

    private static WebTestClient.BodyContentSpec problemBody(WebTestClient.ResponseSpec response, int status,
            String code) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.type").value(type -> assertThat(type.toString()).startsWith("https://"))
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.retryable").isBoolean();
        body.consumeWith(result -> assertThat(new String(result.getResponseBodyContent()))
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("springframework"));
        return code == null
                ? body.jsonPath("$.code").value(c -> assertThat(c).isIn("validation_failed", "malformed_request"))
                : body.jsonPath("$.code").isEqualTo(code);
    }
}
