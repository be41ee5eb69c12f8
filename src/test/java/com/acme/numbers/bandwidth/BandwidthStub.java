package com.acme.numbers.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.numbers.bandwidth.guard.ResilienceProperties;
import com.acme.numbers.bandwidth.guard.UpstreamGuard;
import com.acme.numbers.bandwidth.guard.UpstreamMetrics;
import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.credentials.Secret;
import com.acme.numbers.credentials.StaticCredentialVault;

/**
 * A WireMock stand-in for Bandwidth on loopback, with one OAuth2 account and one Basic-auth account; as a JUnit
 * extension it starts once per class and is reset before every test.
 */
final class BandwidthStub implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    static final String OAUTH_ACCOUNT = "acct-oauth";
    static final String BASIC_ACCOUNT = "acct-basic";
    static final String CLIENT_ID = "client-1";
    static final String CLIENT_SECRET = "client-secret-5ec7";
    static final String USERNAME = "user-1";
    static final String PASSWORD = "password-5ec7";
    static final String TOKEN = "token-5ec7";

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo(basic(CLIENT_ID, CLIENT_SECRET)))
                .willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    BandwidthAdapter adapter(Clock clock, Duration responseTimeout, DataSize maxResponseSize) {
        return adapter(clock, responseTimeout, maxResponseSize, resilience(Duration.ofSeconds(10), 2));
    }

    /** Resilience settings for tests: small backoffs, a breaker that opens after 4 failed calls in 6. */
    static ResilienceProperties resilience(Duration deadline, int maxAttempts) {
        return new ResilienceProperties(deadline, 100, Duration.ofMillis(100), 6, 4, 50, Duration.ofSeconds(5), 80,
                Duration.ofSeconds(2), 2, 5, maxAttempts, Duration.ofMillis(10), Duration.ofMillis(50), 0.1, 5);
    }

    UpstreamGuard guard(ResilienceProperties resilience, Clock clock) {
        return new UpstreamGuard(resilience, CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(),
                RateLimiterRegistry.ofDefaults(), RetryRegistry.ofDefaults(), clock, new UpstreamMetrics(meters));
    }

    BandwidthAdapter adapter(Clock clock, Duration responseTimeout, DataSize maxResponseSize,
            ResilienceProperties resilience) {
        return adapter(clock, responseTimeout, maxResponseSize, guard(resilience, clock));
    }

    BandwidthAdapter adapter(Clock clock, Duration responseTimeout, DataSize maxResponseSize, UpstreamGuard guard) {
        return adapter(clock, responseTimeout, maxResponseSize, guard, new StaticCredentialVault(Map.of(
                OAUTH_ACCOUNT, new BandwidthCredentials.ClientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET)),
                BASIC_ACCOUNT, new BandwidthCredentials.BasicCredentials(USERNAME, Secret.of(PASSWORD)))));
    }

    /** The HTTP client alone (OAuth2 account only, plus {@code extra}), for the adapter's other parts. */
    BandwidthClient client(Clock clock, Map<String, BandwidthCredentials> extra) {
        Map<String, BandwidthCredentials> accounts = new HashMap<>(extra);
        accounts.put(OAUTH_ACCOUNT, new BandwidthCredentials.ClientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET)));
        BandwidthProperties properties = new BandwidthProperties(URI.create(url("/api")), URI.create(url("/oauth2/token")),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 10, Duration.ofSeconds(1), DataSize.ofKilobytes(256));
        return new BandwidthConfiguration().bandwidthClient(WebClient.builder(), properties,
                BandwidthEndpoints.of(properties), new StaticCredentialVault(accounts),
                guard(resilience(Duration.ofSeconds(10), 2), clock), new UpstreamMetrics(meters), clock,
                TraceContextPropagation.off());
    }

    BandwidthAdapter adapter(Clock clock, Duration responseTimeout, DataSize maxResponseSize, UpstreamGuard guard,
            CredentialVault vault) {
        BandwidthProperties properties = new BandwidthProperties(URI.create(url("/api")), URI.create(url("/oauth2/token")),
                Duration.ofSeconds(1), responseTimeout, 10, Duration.ofSeconds(1), maxResponseSize);
        BandwidthConfiguration configuration = new BandwidthConfiguration();
        UpstreamMetrics metrics = new UpstreamMetrics(meters);
        return configuration.bandwidthAdapter(configuration.bandwidthClient(WebClient.builder(), properties,
                BandwidthEndpoints.of(properties), vault, guard, metrics, clock, TraceContextPropagation.off()),
                metrics, clock);
    }

    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
