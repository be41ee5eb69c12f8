package com.acme.numbers;

import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.support.RedisServer;
import com.acme.numbers.web.security.ApiClients;

/**
 * Two gateway replicas configured alike, sharing one real redis-server, in front of one Bandwidth stand-in: they
 * behave as one for Idempotency-Key, callers' quotas and Bandwidth's 429s, and fail keyed POSTs closed while
 * Redis is away.
 */
class TwoReplicasIntegrationTests {

    private static final String ACCOUNT = "acct-shared";
    private static final String OPS_KEY = "ops-key-2r";
    private static final String LIMITED_KEY = "limited-key-2r";
    private static final int LIMIT = 5;
    private static final int ACCOUNT_LIMIT = 4;
    private static final String ORDERS = "/api/accounts/" + ACCOUNT + "/orders";
    private static final String SEARCH = "/api/accounts/" + ACCOUNT + "/availableNumbers";
    private static final Map<String, Object> ORDER = Map.of("name", "Support line", "selection",
            Map.of("type", "areaCode", "areaCode", "919", "quantity", 2));

    /** Listed in test-secrets.txt: CI fails when it appears anywhere in the test run's output. */
    private static final String REDIS_PASSWORD = "redis-password-5ec7-2r";
    /** The login Bandwidth's notifications carry; listed in test-secrets.txt too. */
    private static final String CALLBACK_USER = "bw-callbacks-2r";
    private static final String CALLBACK_PASSWORD = "callback-password-5ec7-2r";
    private static final RedisServer REDIS = RedisServer.started(REDIS_PASSWORD);
    private static final WireMockServer BANDWIDTH = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static List<WebClient> replicas;

    @BeforeAll
    static void startTwoReplicas() {
        BANDWIDTH.start();
        first = replica();
        second = replica();
        replicas = List.of(client(first), client(second));
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        BANDWIDTH.stop();
        REDIS.stop();
    }

    @BeforeEach
    void reset() {
        BANDWIDTH.resetAll();
        BANDWIDTH.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .willReturn(okJson("{\"access_token\":\"token-2r\",\"expires_in\":3600}")));
        BANDWIDTH.stubFor(get(urlPathEqualTo(SEARCH))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "search-response-plain.xml"))));
    }

    @Test
    void fiftyParallelPostsWithOneKeyOverBothReplicasBuyOnce() {
        BANDWIDTH.stubFor(get(urlPathEqualTo(ORDERS))
                .willReturn(xml(404, read(BandwidthEndpoints.class, "error-response-404.xml"))));
        BANDWIDTH.stubFor(post(urlPathEqualTo(ORDERS)).willReturn(xml(201,
                read(BandwidthEndpoints.class, "order-response-received.xml")).withFixedDelay(700)));

        List<Integer> statuses = Flux.range(0, 50)
                .flatMap(i -> replicas.get(i % 2).post().uri("/api/v1/accounts/{a}/orders", ACCOUNT)
                        .header("X-API-Key", OPS_KEY).header("Idempotency-Key", "two-replicas")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER)
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 50)
                .collectList().block();

        assertThat(statuses).hasSize(50).allSatisfy(status -> assertThat(status).isIn(201, 409)).contains(201);
        BANDWIDTH.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
        // and once done, either replica replays the one answer
        for (WebClient replica : replicas) {
            assertThat(keyedOrder(replica, "two-replicas").block()).isEqualTo(201);
        }
        BANDWIDTH.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    /* One burst inside one second, so the count cannot depend on where the second boundary falls. */
    @Test
    void aClientLimitedToNPerSecondGetsNAcrossBothReplicasNotTwoN() {
        long allowed = -1;
        for (int attempt = 0; attempt < 5 && allowed < 0; attempt++) {
            allowed = burstWithinOneSecond(4 * LIMIT);
        }
        assertThat(allowed).as("requests admitted in one second, across both replicas").isEqualTo(LIMIT);
    }

    @Test
    void theAccountsBandwidthRateLimitHoldsAcrossBothReplicas() {
        long upstream = -1;
        for (int attempt = 0; attempt < 5 && upstream < 0; attempt++) {
            upstream = searchBurstWithinOneSecond(3 * ACCOUNT_LIMIT);
        }
        assertThat(upstream).as("searches sent to Bandwidth in one second, from both replicas").isEqualTo(ACCOUNT_LIMIT);
    }

    @Test
    void aReservationBatchMadeOnOneReplicaIsReadAndReleasedOnTheOther() {
        String reservations = "/api/accounts/" + ACCOUNT + "/tnreservation";
        BANDWIDTH.stubFor(post(urlPathEqualTo(reservations)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "http://127.0.0.1:" + BANDWIDTH.port() + reservations + "/res-1")));
        BANDWIDTH.stubFor(get(urlPathEqualTo(reservations + "/res-1"))
                .willReturn(xml(200, read(BandwidthEndpoints.class, "reservation-response.xml"))));
        BANDWIDTH.stubFor(delete(urlPathMatching(reservations + "/.*")).willReturn(aResponse().withStatus(200)));

        String location = replicas.get(0).post().uri("/api/v1/accounts/{a}/reservation-batches", ACCOUNT)
                .header("X-API-Key", OPS_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("numbers", List.of("+19195550101", "+19195550102")))
                .exchangeToMono(r -> Mono.just(r.headers().asHttpHeaders().getLocation().toString()))
                .block();

        assertThat(replicas.get(1).get().uri(location).header("X-API-Key", OPS_KEY)
                .exchangeToMono(r -> r.bodyToMono(String.class)).block()).contains("\"status\":\"RESERVED\"");
        assertThat(replicas.get(1).delete().uri(location).header("X-API-Key", OPS_KEY)
                .exchangeToMono(r -> r.bodyToMono(String.class)).block()).contains("\"status\":\"RELEASED\"");
        BANDWIDTH.verify(2, deleteRequestedFor(urlPathMatching(reservations + "/.*")));
    }

    @Test
    void aBandwidth429SeenByOneReplicaClosesTheAccountOnTheOther() {
        long reset = Instant.now().plusSeconds(30).getEpochSecond();
        BANDWIDTH.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", Long.toString(reset))));

        assertThat(search(replicas.get(0)).block()).isEqualTo(429);
        BANDWIDTH.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));

        await().atMost(Duration.ofSeconds(5)).until(() -> search(replicas.get(1)).block() == 429);
        BANDWIDTH.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void redisAwayFailsKeyedPostsClosedKeepsSearchesAndNeedsNoRestartWhenBack() {
        BANDWIDTH.stubFor(get(urlPathEqualTo(ORDERS))
                .willReturn(xml(404, read(BandwidthEndpoints.class, "error-response-404.xml"))));
        BANDWIDTH.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(xml(201, read(BandwidthEndpoints.class, "order-response-received.xml"))));
        REDIS.stop();
        try {
            for (WebClient replica : replicas) {
                assertThat(keyedOrder(replica, "while-redis-is-away").block()).isEqualTo(503);
                assertThat(search(replica).block()).isEqualTo(200);
            }
            BANDWIDTH.verify(0, postRequestedFor(urlPathEqualTo(ORDERS)));
        }
        finally {
            REDIS.start();
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> keyedOrder(replicas.get(0), "after-redis-returns").block() == 201);
        assertThat(keyedOrder(replicas.get(1), "after-redis-returns").block()).isEqualTo(201);
        BANDWIDTH.verify(1, postRequestedFor(urlPathEqualTo(ORDERS)));
    }

    /**
     * Bandwidth never resends a notification: once a replica has answered 200, the event must come out even if that
     * replica is killed at once. The third replica runs in its own JVM (a context closed here would take the shared
     * Reactor Netty resources of the other two with it) and gets SIGKILL while it polls Bandwidth, which answers the
     * order's read slowly; another replica claims the poll when its lease ends, and the one event is delivered once.
     */
    @Test
    void aCallbackAcceptedByAReplicaThatThenStopsIsNotLost() {
        String orderId = "order-1";
        BANDWIDTH.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        BANDWIDTH.stubFor(get(urlPathEqualTo(ORDERS + "/" + orderId)).willReturn(xml(200,
                read(BandwidthEndpoints.class, "order-response-partial.xml")).withFixedDelay(1500)));
        replicas.get(0).post().uri("/api/v1/accounts/{a}/webhooks", ACCOUNT).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://127.0.0.1:" + BANDWIDTH.port() + "/hooks",
                        "events", List.of("order.partial")))
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block();
        Process doomed = replicaProcess();

        int accepted = WebClient.create("http://127.0.0.1:" + processPort).post().uri("/callbacks/bandwidth/accounts/{a}", ACCOUNT)
                .headers(h -> h.setBasicAuth(CALLBACK_USER, CALLBACK_PASSWORD))
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue("<Notification><OrderType>orders</OrderType><OrderId>" + orderId
                        + "</OrderId><Status>PARTIAL</Status></Notification>")
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block();
        doomed.destroyForcibly();

        assertThat(accepted).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> hooks().size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> hooks().size() == 1);
        assertThat(hooks().get(0).getBodyAsString()).contains("\"type\":\"order.partial\"")
                .contains("\"id\":\"" + orderId + "\"");
    }

    private static int processPort;

    private static Process replicaProcess() {
        processPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), NumbersGatewayApplication.class.getName()));
        command.addAll(replicaArguments());
        command.replaceAll(argument -> argument.equals("--server.port=0") ? "--server.port=" + processPort : argument);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            await().atMost(Duration.ofSeconds(60)).until(() -> ready(processPort));
            return process;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean ready(int port) {
        try {
            return WebClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health/readiness")
                    .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block() == 200;
        }
        catch (RuntimeException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<LoggedRequest> hooks() {
        return BANDWIDTH.findAll(postRequestedFor(urlPathEqualTo("/hooks")));
    }

    /** @return how many of {@code requests} were admitted, or -1 when the burst did not fit in one second */
    private static long burstWithinOneSecond(int requests) {
        long now = System.currentTimeMillis();
        pause(1000 - now % 1000 + 20);
        long start = System.currentTimeMillis() / 1000;
        List<Integer> statuses = Flux.range(0, requests)
                .flatMap(i -> replicas.get(i % 2).get().uri("/api/v1/accounts/{a}/not-a-resource", ACCOUNT)
                        .header("X-API-Key", LIMITED_KEY)
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), requests)
                .collectList().block();
        if (System.currentTimeMillis() / 1000 != start) {
            return -1;
        }
        return statuses.stream().filter(status -> status != 429).count();
    }

    /** @return how many searches reached Bandwidth, or -1 when the burst did not fit in one second */
    private static long searchBurstWithinOneSecond(int requests) {
        pause(1000 - System.currentTimeMillis() % 1000 + 20);
        BANDWIDTH.resetRequests();
        long start = System.currentTimeMillis() / 1000;
        List<Integer> statuses = Flux.range(0, requests).flatMap(i -> search(replicas.get(i % 2)), requests)
                .collectList().block();
        if (System.currentTimeMillis() / 1000 != start) {
            return -1;
        }
        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 429));
        return BANDWIDTH.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size();
    }

    private static Mono<Integer> keyedOrder(WebClient replica, String key) {
        return replica.post().uri("/api/v1/accounts/{a}/orders", ACCOUNT).header("X-API-Key", OPS_KEY)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()));
    }

    private static Mono<Integer> search(WebClient replica) {
        return replica.get().uri("/api/v1/accounts/{a}/available-numbers?areaCode=919", ACCOUNT)
                .header("X-API-Key", OPS_KEY)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()));
    }

    private static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(NumbersGatewayApplication.class)
                .run(replicaArguments().toArray(String[]::new));
    }

    private static List<String> replicaArguments() {
        String root = "http://127.0.0.1:" + BANDWIDTH.port();
        return List.of(
                "--server.port=0", "--gateway.sandbox.enabled=false",
                "--gateway.state.store=redis", "--spring.data.redis.url=" + REDIS.url(),
                "--gateway.state.timeout=300ms",
                "--gateway.bandwidth.base-url=" + root + "/api", "--gateway.bandwidth.token-url=" + root + "/oauth2/token",
                "--gateway.bandwidth.response-timeout=2s",
                "--gateway.resilience.account-rate-limit=" + ACCOUNT_LIMIT,
                "--gateway.resilience.rate-limit-wait=0ms",
                "--gateway.credentials.static." + ACCOUNT + ".client-id=client-2r",
                "--gateway.credentials.static." + ACCOUNT + ".client-secret=secret-2r",
                "--gateway.accounts." + ACCOUNT + ".default-site-id=1001",
                "--gateway.accounts." + ACCOUNT + ".default-peer-id=500001",
                "--gateway.clients[0].name=ops", "--gateway.clients[0].api-key-sha256=" + ApiClients.sha256(OPS_KEY),
                "--gateway.clients[0].accounts=" + ACCOUNT, "--gateway.clients[0].scopes=numbers:read,numbers:write",
                "--gateway.clients[0].requests-per-second=1000",
                "--gateway.clients[1].name=limited",
                "--gateway.clients[1].api-key-sha256=" + ApiClients.sha256(LIMITED_KEY),
                "--gateway.clients[1].accounts=" + ACCOUNT, "--gateway.clients[1].scopes=numbers:read",
                "--gateway.clients[1].requests-per-second=" + LIMIT,
                "--gateway.credentials.static.callbacks.username=" + CALLBACK_USER,
                "--gateway.credentials.static.callbacks.password=" + CALLBACK_PASSWORD,
                "--gateway.webhooks.insecure-http-hosts=127.0.0.1", "--gateway.webhooks.redeliver-after=3s",
                // other tests count Bandwidth's calls: the reconciler polls only what a callback announces
                "--gateway.events.first-poll=1h", "--gateway.events.lease=2s");
    }

    private static WebClient client(ConfigurableApplicationContext context) {
        return WebClient.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
