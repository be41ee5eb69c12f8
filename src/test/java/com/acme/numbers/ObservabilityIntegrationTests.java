package com.acme.numbers;

import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.deploy.ObservedMetrics;

/** What operators see: Prometheus series, W3C trace context towards Bandwidth, the request id on log lines. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String ORDER = "/api/accounts/" + OAUTH_ACCOUNT + "/orders/order-1";

    @Test
    void prometheusShowsRedMetricsBreakersOrderOutcomesAndLegacyApiUsers() {
        String before = prometheus();
        bandwidth.stubFor(get(urlPathEqualTo(ORDER)).willReturn(xml(200, read(getClass(), "order-complete.xml"))));
        client.get().uri(api(OAUTH_ACCOUNT, "/orders/order-1")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk();
        bandwidth.stubFor(get(urlPathEqualTo("/api/accounts/" + BASIC_ACCOUNT + "/orders/order-1"))
                .willReturn(xml(200, read(getClass(), "order-complete.xml"))));
        client.get().uri(api(BASIC_ACCOUNT, "/orders/order-1")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk();

        String metrics = prometheus();

        // the two reads above, counted (the context is shared, so by how much the series grew)
        String readOrder = "bandwidth_requests_seconds_count\\{[^}]*operation=\"read_order\"[^}]*"
                + "outcome=\"success\"[^}]*}";
        assertThat(value(metrics, readOrder) - value(before, readOrder)).isEqualTo(2.0);
        String legacy = "bandwidth_legacy_auth_calls_total\\{[^}]*account=\"" + BASIC_ACCOUNT + "\"[^}]*}";
        assertThat(value(metrics, legacy) - value(before, legacy)).isEqualTo(1.0);

        assertThat(metrics)
                .containsPattern("bandwidth_requests_seconds_count\\{[^}]*operation=\"read_order\"[^}]*outcome=\"success\"")
                .containsPattern("bandwidth_requests_seconds_bucket\\{")
                .containsPattern("gateway_orders_final_total\\{[^}]*status=\"COMPLETE\"")
                .containsPattern("gateway_orders_completion_seconds_max\\{")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"bandwidth-read\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/accounts/\\{accountId\\}/orders/\\{orderId\\}\"")
                .containsPattern("http_server_requests_seconds_bucket\\{")
                .containsPattern("bandwidth_legacy_auth_calls_total\\{[^}]*account=\"" + BASIC_ACCOUNT + "\"")
                .doesNotContainPattern("bandwidth_legacy_auth_calls_total\\{[^}]*account=\"" + OAUTH_ACCOUNT + "\"")
                .contains("application=\"numbers-gateway\"")
                // no in-flight long-task timers: management.metrics.observations.ignored-meters
                .doesNotContain("http_server_requests_active_seconds");
        // every series the chart's dashboard and alerts query (but the events ones) is exported, after a search too
        client.get().uri(api(OAUTH_ACCOUNT, "/available-numbers?areaCode=919&quantity=1")).header("X-API-Key",
                OPS_KEY).exchange();
        String afterSearch = prometheus();
        assertThat(ObservedMetrics.requestsAndOrders()).isNotEmpty()
                .allSatisfy(name -> assertThat(afterSearch).containsPattern("(?m)^" + name + "\\{"));
    }

    @Test
    void upstreamCallsCarryW3cTraceContext() {
        assertTraceparentReachingBandwidth(null, "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void upstreamCallsContinueTheCallersSampledTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        assertTraceparentReachingBandwidth("00-" + traceId + "-00f067aa0ba902b7-01",
                "00-" + traceId + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01");
    }

    @Test
    void upstreamCallsKeepTheCallersUnsampledTraceUnsampled() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        assertTraceparentReachingBandwidth("00-" + traceId + "-b7ad6b7169203331-00",
                "00-" + traceId + "-[0-9a-f]{16}-00");
    }

    /** One order read, with the caller's {@code traceparent} when given; Bandwidth must see one matching the pattern. */
    private void assertTraceparentReachingBandwidth(String inbound, String expected) {
        bandwidth.stubFor(get(urlPathEqualTo(ORDER)).willReturn(xml(200,
                read(BandwidthEndpoints.class, "order-response-received.xml"))));

        client.get().uri(api(OAUTH_ACCOUNT, "/orders/order-1")).header("X-API-Key", OPS_KEY)
                .headers(headers -> {
                    if (inbound != null) {
                        headers.set("traceparent", inbound);
                    }
                })
                .exchange().expectStatus().isOk();

        bandwidth.verify(getRequestedFor(urlPathEqualTo(ORDER)).withHeader("traceparent", matching(expected)));
    }

    @Test
    void logLinesCarryTheRequestId(CapturedOutput output) {
        bandwidth.stubFor(get(urlPathEqualTo(ORDER)).willReturn(aResponse().withStatus(500)));

        client.get().uri(api(OAUTH_ACCOUNT, "/orders/order-1")).header("X-API-Key", OPS_KEY)
                .header("X-Request-Id", "obs-request-4711").exchange().expectStatus().isEqualTo(502)
                .expectHeader().valueEquals("X-Request-Id", "obs-request-4711");

        assertThat(output.getAll().lines().filter(line -> line.contains("Bandwidth failed on order")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("obs-request-4711"));
    }

    private String prometheus() {
        return client.get().uri("/actuator/prometheus").header("X-API-Key", READER_KEY).exchange().expectStatus()
                .isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** The sum of the series matching {@code series} (a pattern up to its closing brace), 0 when none. */
    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }
}
