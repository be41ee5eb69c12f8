package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.support.Fixtures;
import com.acme.numbers.web.security.ApiClients;

/**
 * No secret at any log level: the packaged jar runs with {@code logging.level.root=TRACE}, Vault credentials,
 * OAuth2 client credentials to Bandwidth, an API-key caller and a JWT caller, through a search, a reservation, an
 * order, a disconnect, a token Bandwidth refuses (401, forget, fetch again) and a secret rotated in Vault. Then
 * its whole output is searched for every secret it was given or issued, as text and as a Basic-auth value. A
 * separate process, so TRACE logging cannot spill into the other tests. Runs after {@code package} (failsafe).
 */
class SecretsAtTraceIT {

    private static final String ACCOUNT = "acct-trace";
    private static final String CLIENT_ID = "trace-client";
    private static final String SECRET_V1 = "trace-client-secret-v1-7a1c";
    private static final String SECRET_V2 = "trace-client-secret-v2-7a1c";
    private static final String VAULT_TOKEN = "s.trace-vault-token-9f3e";
    private static final String ISSUED_V1 = "trace-issued-token-1-b2d4";
    private static final String ISSUED_V2 = "trace-issued-token-2-b2d4";
    private static final String API_KEY = "trace-api-key-c3e5";
    private static final String VAULT_SECRET_PATH = "/v1/secret/data/numbers-gateway/accounts/" + ACCOUNT;

    private static final WireMockServer stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final RSAKey ISSUER_KEY = TestTokens.newKey();
    private static Process gateway;
    private static Path output;
    private static int port;
    private static String jwt = "not issued yet";

    @BeforeAll
    static void startGatewayAtTrace() throws IOException {
        stub.start();
        stubVault(SECRET_V1);
        stubBandwidth();
        port = freePort();
        output = Files.createDirectories(Path.of("target", "trace-tier")).resolve("gateway.log");
        gateway = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        WebTestClient probe = TestClients.forPort(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> probe.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                        .getStatus().value() == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            gateway.waitFor(20, TimeUnit.SECONDS);
        }
        stub.stop();
    }

    @Test
    void noSecretReachesTheLogAtTrace() throws Exception {
        runTheMainFlows();
        stop();

        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(log).as("the gateway ran at TRACE").contains("TRACE").contains("Started NumbersGatewayApplication");
        assertThat(leaks(log)).as("secrets in " + output).isEmpty();
    }

    /** The scan itself can fail: a planted secret is found, in clear and as a Basic-auth value. */
    @Test
    void theScanFindsASecretThatIsLogged() throws IOException {
        Path planted = Files.createTempFile("planted", ".log");
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET_V2).getBytes(StandardCharsets.UTF_8));
        Files.writeString(planted, "DEBUG x : token " + VAULT_TOKEN + "\nTRACE y : Authorization: Basic " + basic);

        assertThat(leaks(Files.readString(planted))).containsExactlyInAnyOrder("Vault token",
                "Basic value of client secret v2");
    }

    private static void runTheMainFlows() {
        WebTestClient client = TestClients.forPort(port);
        jwt = TestTokens.token(ISSUER_KEY, "trace-jwt-client", "numbers:read numbers:write", List.of(ACCOUNT),
                Instant.now().plusSeconds(600));
        ok(client.get().uri(api("/available-numbers?areaCode=919")).header("X-API-Key", API_KEY).exchange());
        ok(client.get().uri(api("/available-numbers?areaCode=919")).header("Authorization", "Bearer " + jwt)
                .exchange());
        ok(client.post().uri(api("/reservations")).header("X-API-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumber", "+19195550101")).exchange());
        ok(client.post().uri(api("/orders")).header("X-API-Key", API_KEY).header("Idempotency-Key", "trace-order")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Trace", "siteId", "1001",
                        "selection", Map.of("type", "areaCode", "areaCode", "919", "quantity", 1))).exchange());
        ok(client.post().uri(api("/disconnects")).header("X-API-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumbers", List.of("+19195550101"))).exchange());
        // rotation: Vault holds a new secret, Bandwidth refuses the old token; the gateway reads Vault again
        stubVault(SECRET_V2);
        stub.stubFor(get(urlPathMatching("/api/accounts/" + ACCOUNT + "/orders/order-1"))
                .withHeader("Authorization", equalTo("Bearer " + ISSUED_V1)).willReturn(aResponse().withStatus(401)));
        ok(client.get().uri(api("/orders/order-1")).header("X-API-Key", API_KEY).exchange());
        assertThat(stub.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/oauth2/token")).withHeader("Authorization", equalTo(basic(SECRET_V2)))))
                .as("a token fetched with the rotated secret").isNotEmpty();
    }

    private static void ok(WebTestClient.ResponseSpec response) {
        response.expectStatus().is2xxSuccessful();
    }

    /** The names of the secrets found in {@code log}. */
    private static List<String> leaks(String log) {
        Map<String, String> secrets = Map.of("client secret v1", SECRET_V1, "client secret v2", SECRET_V2,
                "Vault token", VAULT_TOKEN, "issued token v1", ISSUED_V1, "issued token v2", ISSUED_V2,
                "caller API key", API_KEY, "caller JWT signature", jwt.substring(jwt.lastIndexOf('.') + 1),
                "Basic value of client secret v1", basic(SECRET_V1).substring(6),
                "Basic value of client secret v2", basic(SECRET_V2).substring(6));
        List<String> found = new ArrayList<>();
        secrets.forEach((name, secret) -> {
            if (log.contains(secret)) {
                found.add(name);
            }
        });
        return found;
    }

    private static List<String> command() throws IOException {
        String root = "http://127.0.0.1:" + stub.port();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar().toString()));
        Stream.of("server.port=" + port, "logging.level.root=TRACE", "spring.codec.log-request-details=true",
                "logging.level.org.springframework.http.codec.json=TRACE",
                "gateway.sandbox.enabled=false",
                "gateway.bandwidth.base-url=" + root + "/api", "gateway.bandwidth.token-url=" + root + "/oauth2/token",
                "gateway.credentials.backend=vault", "gateway.credentials.vault.uri=" + root,
                "gateway.credentials.vault.token=" + VAULT_TOKEN, "gateway.credentials.vault.cache-ttl=1s",
                "gateway.clients[0].name=trace", "gateway.clients[0].api-key-sha256=" + ApiClients.sha256(API_KEY),
                "gateway.clients[0].accounts=" + ACCOUNT, "gateway.clients[0].scopes=numbers:read,numbers:write",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + root + "/jwks")
                .forEach(property -> command.add("--" + property));
        return command;
    }

    private static void stubVault(String clientSecret) {
        stub.stubFor(get(urlPathEqualTo("/v1/sys/health")).willReturn(okJson(
                "{\"initialized\":true,\"sealed\":false,\"standby\":false}")));
        stub.stubFor(get(urlPathEqualTo("/v1/auth/token/lookup-self")).willReturn(okJson(
                "{\"data\":{\"ttl\":3600,\"renewable\":false,\"policies\":[\"numbers-gateway\"]}}")));
        stub.stubFor(get(urlPathEqualTo(VAULT_SECRET_PATH)).willReturn(okJson("{\"data\":{\"data\":{\"client-id\":\""
                + CLIENT_ID + "\",\"client-secret\":\"" + clientSecret + "\"},\"metadata\":{\"version\":1}}}")));
    }

    private static void stubBandwidth() {
        Class<?> bw = BandwidthEndpoints.class;
        String account = "/api/accounts/" + ACCOUNT;
        stub.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(TestTokens.jwks(ISSUER_KEY))));
        stub.stubFor(post(urlPathEqualTo("/oauth2/token")).withHeader("Authorization", equalTo(basic(SECRET_V1)))
                .willReturn(okJson("{\"access_token\":\"" + ISSUED_V1 + "\",\"expires_in\":3600}")));
        stub.stubFor(post(urlPathEqualTo("/oauth2/token")).withHeader("Authorization", equalTo(basic(SECRET_V2)))
                .willReturn(okJson("{\"access_token\":\"" + ISSUED_V2 + "\",\"expires_in\":3600}")));
        stub.stubFor(get(urlPathEqualTo(account + "/availableNumbers"))
                .willReturn(xml(Fixtures.read(bw, "search-response-plain.xml"))));
        stub.stubFor(post(urlPathEqualTo(account + "/tnreservation")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "https://bandwidth.test" + account
                        + "/tnreservation/2489a0b4-6d1f-4c2e-9a7b-3f5e1c0d8a21")));
        stub.stubFor(get(urlPathEqualTo(account + "/tnreservation/2489a0b4-6d1f-4c2e-9a7b-3f5e1c0d8a21"))
                .willReturn(xml(Fixtures.read(bw, "reservation-response.xml"))));
        stub.stubFor(get(urlPathEqualTo(account + "/orders")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml").withBody(Fixtures.read(bw, "error-response-404.xml"))));
        stub.stubFor(post(urlPathEqualTo(account + "/orders"))
                .willReturn(xml(Fixtures.read(bw, "order-response-received.xml")).withStatus(201)));
        stub.stubFor(get(urlPathEqualTo(account + "/orders/order-1")).inScenario("rotation")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(Fixtures.read(bw, "order-response-received.xml"))));
        stub.stubFor(post(urlPathEqualTo(account + "/disconnects"))
                .willReturn(xml(Fixtures.read(SecretsAtTraceIT.class, "disconnect-received.xml")).withStatus(201)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body);
    }

    private static String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String api(String path) {
        return "/api/v1/accounts/" + ACCOUNT + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("numbers-gateway-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after package: no jar in target/"));
        }
    }
}
