package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.acme.numbers.web.security.ApiClients;

/**
 * One shared application context for every test that runs the whole gateway against a WireMock Bandwidth on
 * loopback: one OAuth2 account, one Basic-auth account, a full client, a read-only client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class StubBandwidthIntegrationTest extends RunningGatewayTest {

    protected static final String OAUTH_ACCOUNT = "acct-oauth";
    protected static final String BASIC_ACCOUNT = "acct-basic";
    protected static final String NO_CREDENTIALS_ACCOUNT = "acct-without-credentials";
    /** An OAuth2 account only NumbersGatewayIntegrationTests uses, so it starts with no cached token. */
    protected static final String FRESH_OAUTH_ACCOUNT = "acct-oauth-once";
    protected static final String FRESH_CLIENT_ID = "client-e2e-once";
    /** An account only the throttling test uses: Bandwidth's 429 closes it for a minute. */
    protected static final String THROTTLED_ACCOUNT = "acct-throttled";
    protected static final String CLIENT_SECRET = "client-secret-5ec7-e2e";
    protected static final String PASSWORD = "password-5ec7-e2e";
    protected static final String TOKEN = "token-5ec7-e2e";
    protected static final String OPS_KEY = "ops-key-5ec7-e2e";
    protected static final String READER_KEY = "reader-key-5ec7-e2e";
    protected static final String OTHER_OPS_KEY = "other-ops-key-5ec7-e2e";
    protected static final String LIMITED_KEY = "limited-key-5ec7-e2e";

    protected static final WireMockServer bandwidth = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    /** The key of the test's OAuth2 issuer; its public half is served as a JWK set by the same stub. */
    protected static final RSAKey ISSUER_KEY = TestTokens.newKey();

    static {
        bandwidth.start();
        Runtime.getRuntime().addShutdownHook(new Thread(bandwidth::stop));
    }

    @DynamicPropertySource
    static void bandwidthProperties(DynamicPropertyRegistry registry) {
        String root = "http://localhost:" + bandwidth.port();
        registry.add("gateway.sandbox.enabled", () -> "false");
        registry.add("gateway.bandwidth.base-url", () -> root + "/api");
        registry.add("gateway.bandwidth.token-url", () -> root + "/oauth2/token");
        registry.add("gateway.bandwidth.response-timeout", () -> "1s");
        registry.add("gateway.server.header-timeout", () -> "2s");
        registry.add("gateway.server.body-timeout", () -> "3s");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> root + "/jwks");
        registry.add("gateway.resilience.account-rate-limit", () -> "1000");
        registry.add("gateway.resilience.retry-initial-backoff", () -> "10ms");
        // tests here count Bandwidth's calls: the reconciler must not poll their orders meanwhile
        registry.add("gateway.events.first-poll", () -> "1h");
        registry.add("gateway.credentials.static." + OAUTH_ACCOUNT + ".client-id", () -> "client-e2e");
        registry.add("gateway.credentials.static." + OAUTH_ACCOUNT + ".client-secret", () -> CLIENT_SECRET);
        registry.add("gateway.credentials.static." + FRESH_OAUTH_ACCOUNT + ".client-id", () -> FRESH_CLIENT_ID);
        registry.add("gateway.credentials.static." + FRESH_OAUTH_ACCOUNT + ".client-secret", () -> CLIENT_SECRET);
        registry.add("gateway.accounts." + FRESH_OAUTH_ACCOUNT + ".default-site-id", () -> "1001");
        registry.add("gateway.accounts." + FRESH_OAUTH_ACCOUNT + ".default-peer-id", () -> "500001");
        registry.add("gateway.credentials.static." + THROTTLED_ACCOUNT + ".client-id", () -> "client-e2e");
        registry.add("gateway.credentials.static." + THROTTLED_ACCOUNT + ".client-secret", () -> CLIENT_SECRET);
        registry.add("gateway.credentials.static." + BASIC_ACCOUNT + ".username", () -> "user-e2e");
        registry.add("gateway.credentials.static." + BASIC_ACCOUNT + ".password", () -> PASSWORD);
        registry.add("gateway.accounts." + OAUTH_ACCOUNT + ".default-site-id", () -> "1001");
        registry.add("gateway.accounts." + OAUTH_ACCOUNT + ".default-peer-id", () -> "500001");
        registry.add("gateway.clients[0].name", () -> "ops");
        registry.add("gateway.clients[0].api-key-sha256", () -> ApiClients.sha256(OPS_KEY));
        registry.add("gateway.clients[0].accounts", () -> OAUTH_ACCOUNT + "," + BASIC_ACCOUNT + ","
                + NO_CREDENTIALS_ACCOUNT + "," + FRESH_OAUTH_ACCOUNT + "," + THROTTLED_ACCOUNT);
        registry.add("gateway.clients[0].scopes", () -> "numbers:read,numbers:write");
        registry.add("gateway.clients[0].requests-per-second", () -> "1000");
        registry.add("gateway.clients[1].name", () -> "reader");
        registry.add("gateway.clients[1].api-key-sha256", () -> ApiClients.sha256(READER_KEY));
        registry.add("gateway.clients[1].accounts", () -> OAUTH_ACCOUNT);
        registry.add("gateway.clients[1].scopes", () -> "numbers:read");
        registry.add("gateway.clients[2].name", () -> "other-ops");
        registry.add("gateway.clients[2].api-key-sha256", () -> ApiClients.sha256(OTHER_OPS_KEY));
        registry.add("gateway.clients[2].accounts", () -> OAUTH_ACCOUNT);
        registry.add("gateway.clients[2].scopes", () -> "numbers:read,numbers:write");
        registry.add("gateway.clients[2].requests-per-second", () -> "1000");
        registry.add("gateway.clients[3].name", () -> "limited");
        registry.add("gateway.clients[3].api-key-sha256", () -> ApiClients.sha256(LIMITED_KEY));
        registry.add("gateway.clients[3].accounts", () -> OAUTH_ACCOUNT);
        registry.add("gateway.clients[3].scopes", () -> "numbers:read,numbers:write");
        registry.add("gateway.clients[3].requests-per-second", () -> "3");
        registry.add("gateway.clients[3].max-order-quantity", () -> "5");
    }

    @BeforeEach
    void resetBandwidth() {
        bandwidth.resetAll();
        bandwidth.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo(basic("client-e2e", CLIENT_SECRET)))
                .willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}")));
        bandwidth.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/jwks"))
                .willReturn(okJson(TestTokens.jwks(ISSUER_KEY))));
    }

    protected static String api(String account, String path) {
        return "/api/v1/accounts/" + account + path;
    }

    protected static String upstream(String account, String path) {
        return "/api/accounts/" + account + path;
    }

    protected static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body);
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
