package com.acme.numbers;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.numbers.sandbox.SandboxProperties;

/**
 * One shared application context for every test of the gateway in its default mode: no configuration at all,
 * so the embedded sandbox is on. Only the order delay, the reconciler's first poll and the webhooks' first retry are
 * shortened, the per-account rate limit raised (to keep the suite fast), and webhooks may go to loopback over http
 * (the tests' receivers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gateway.sandbox.order-delay=300ms", "gateway.resilience.account-rate-limit=1000",
                "gateway.webhooks.insecure-http-hosts=127.0.0.1", "gateway.webhooks.first-retry=200ms",
                "gateway.events.first-poll=1s" })
public abstract class SandboxIntegrationTest extends RunningGatewayTest {

    protected static final String ACCOUNT = "9900000";
    protected static final String DEV_KEY = "sandbox-dev-key";
    protected static final String SANDBOX = "/sandbox/bandwidth/api";

    /** Its login is generated at each start: tests read it where a developer reads the start-up line. */
    @Autowired
    protected SandboxProperties sandbox;


    @AfterEach
    void clearFaults() {
        client.delete().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).exchange().expectStatus().isNoContent();
    }

    /** The numbers a search of {@code areaCode} finds now, at most {@code quantity}. */
    protected List<String> availableNumbers(int quantity, String areaCode) {
        String body = client.get().uri(api("/available-numbers?areaCode=" + areaCode + "&quantity=" + quantity))
                .header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        return JsonPath.read(body, "$.numbers[*].phoneNumber");
    }

    /** Reserves {@code number} through the gateway; @return the reservation id */
    protected String reserveNumber(String number) {
        String body = client.post().uri(api("/reservations")).header("X-API-Key", DEV_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phoneNumber", number)).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.read(body, "$.id");
    }

    protected static String api(String path) {
        return "/api/v1/accounts/" + ACCOUNT + path;
    }

    protected WebTestClient.RequestHeadersSpec<?> basicAuth(WebTestClient.RequestHeadersSpec<?> request) {
        return request.headers(h -> h.setBasicAuth(sandbox.username(), sandbox.password()));
    }
}
