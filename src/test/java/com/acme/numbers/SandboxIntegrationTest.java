package com.acme.numbers;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.numbers.sandbox.SandboxProperties;

/**
 * One shared application context for every test of the gateway in its default mode: no configuration at all,
 * so the embedded sandbox is on. Only the order delay is shortened and the
 * per-account rate limit raised, to keep the suite fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gateway.sandbox.order-delay=300ms", "gateway.resilience.account-rate-limit=1000" })
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

    protected static String api(String path) {
        return "/api/v1/accounts/" + ACCOUNT + path;
    }

    protected WebTestClient.RequestHeadersSpec<?> basicAuth(WebTestClient.RequestHeadersSpec<?> request) {
        return request.headers(h -> h.setBasicAuth(sandbox.username(), sandbox.password()));
    }
}
