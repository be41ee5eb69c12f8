package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.bandwidth.CallbacksProperties;
import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.deploy.ObservedMetrics;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderKind;
import com.acme.numbers.events.OrderLedger;

/**
 * Order events end to end on the sandbox: it notifies the gateway as Bandwidth does (the first POST without
 * credentials, the second after the 401 challenge), the ledger turns each new status into one event, and a real
 * HTTP receiver on loopback gets it signed per Standard Webhooks, checked with the reference library.
 */
class OrderEventsIntegrationTests extends SandboxIntegrationTest {

    private static final WireMockServer RECEIVER = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    CredentialVault vault;

    @Autowired
    OrderLedger ledger;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startReceiver() {
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @BeforeEach
    void receiverAnswers200() {
        RECEIVER.resetAll();
        RECEIVER.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aWebhookGetsOneSignedOrderCompletedWhoseDataIsTheOrdersGetView() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        Map<String, Object> webhook = subscribe(path, List.of("order.completed"));
        double callbacksBefore = count("gateway.callbacks.received", "outcome", "accepted");

        String number = availableNumbers(1, "808").get(0);
        String orderId = order(number);

        LoggedRequest delivered = awaitOne(path, orderId);
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(delivered.getHeader("webhook-id")),
                "webhook-timestamp", List.of(delivered.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(delivered.getHeader("webhook-signature")));
        new Webhook((String) webhook.get("secret")).verify(delivered.getBodyAsString(), headers);

        String body = delivered.getBodyAsString();
        assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("order.completed");
        assertThat(JsonPath.<String>read(body, "$.timestamp")).isNotBlank();
        assertThat(JsonPath.<List<String>>read(body, "$.data.completedNumbers")).containsExactly(number);
        String view = client.get().uri(api("/orders/" + orderId)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JSON.readTree(body).get("data")).isEqualTo(JSON.readTree(view));
        assertThat(delivered.getHeader("Content-Type")).startsWith("application/json");
        // the sandbox's notification got through the Basic challenge and was what made it fast
        assertThat(count("gateway.callbacks.received", "outcome", "accepted")).isGreaterThan(callbacksBefore);
        deliveriesShow(webhook, "SUCCEEDED", 1, 204);
    }

    @Test
    void theLedgerListsWhoPlacedAnOrderWithWhichKeyAndItsLastStatus() {
        String key = "ledger-" + UUID.randomUUID();
        String body = client.post().uri(api("/orders")).header("X-API-Key", DEV_KEY).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "ledger", "selection", Map.of("type", "phoneNumbers", "phoneNumbers",
                        List.of(availableNumbers(1, "808").get(0)))))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String orderId = JsonPath.read(body, "$.id");

        await().atMost(PATIENCE).untilAsserted(() -> client.get().uri(api("/ledger?limit=500"))
                .header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + orderId + "')].status").isEqualTo("COMPLETE")
                .jsonPath("$[?(@.id == '" + orderId + "')].kind").isEqualTo("order")
                .jsonPath("$[?(@.id == '" + orderId + "')].caller").isEqualTo("sandbox-developer")
                .jsonPath("$[?(@.id == '" + orderId + "')].idempotencyKey").isEqualTo(key)
                .jsonPath("$[?(@.id == '" + orderId + "')].customerOrderId").isEqualTo(JsonPath.read(body,
                        "$.customerOrderId")));
        client.get().uri(api("/ledger?limit=0")).header("X-API-Key", DEV_KEY).exchange().expectStatus()
                .isBadRequest();
    }

    @Test
    void withNotificationsDroppedTheReconcilerFindsTheOrder() {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        subscribe(path, List.of("order.completed"));
        faults(Map.of("dropNotifications", true));
        double foundByReconciler = count("gateway.events.emitted", "type", "order.completed", "source", "reconciler");

        String orderId = order(availableNumbers(1, "808").get(0));

        awaitOne(path, orderId);
        assertThat(count("gateway.events.emitted", "type", "order.completed", "source", "reconciler"))
                .isEqualTo(foundByReconciler + 1);
    }

    @Test
    void aSubscriberFailingThreeTimesGetsTheEventOnTheFourthTryWithTheSameWebhookId() {
        String path = "/hooks/" + UUID.randomUUID();
        String scenario = "flaky-" + path;
        for (int attempt = 1; attempt <= 3; attempt++) {
            RECEIVER.stubFor(post(urlPathEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(attempt == 1 ? Scenario.STARTED : "failed-" + (attempt - 1))
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("failed-" + attempt));
        }
        RECEIVER.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("failed-3")
                .willReturn(aResponse().withStatus(200)).willSetStateTo("delivered"));
        Map<String, Object> webhook = subscribe(path, List.of("order.completed"));

        String orderId = order(availableNumbers(1, "808").get(0));

        await().atMost(PATIENCE).until(() -> requests(path, orderId).size() >= 4);
        List<LoggedRequest> attempts = requests(path, orderId);
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(r -> r.getHeader("webhook-id")).containsOnly(attempts.get(0)
                .getHeader("webhook-id"));
        assertThat(attempts).extracting(LoggedRequest::getBodyAsString).containsOnly(attempts.get(0)
                .getBodyAsString());
        deliveriesShow(webhook, "SUCCEEDED", 4, 200);
    }

    @Test
    void aDuplicateBandwidthCallbackEmitsOneEvent() {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        subscribe(path, List.of("order.completed"));
        faults(Map.of("dropNotifications", true));
        String number = availableNumbers(1, "808").get(0);
        String orderId = order(number);
        String notification = notification(orderId, number);

        for (int i = 0; i < 3; i++) {
            callback(notification).exchange().expectStatus().isOk();
        }

        awaitOne(path, orderId);
        callback(notification).exchange().expectStatus().isOk();
        await().atMost(PATIENCE).until(() -> ledger.find(new LedgerKey(OrderKind.ORDER, ACCOUNT, orderId)).block()
                .status().isFinal());
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> requests(path, orderId).size() == 1);
    }

    @Test
    void unauthenticatedAndForgedCallbacksAre401AndEmitNothing() {
        String orderId = UUID.randomUUID().toString();
        String notification = notification(orderId, "9195550100");

        client.post().uri("/callbacks/bandwidth/accounts/" + ACCOUNT).contentType(MediaType.APPLICATION_XML)
                .bodyValue(notification).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"numbers-gateway\"")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/callbacks/bandwidth/accounts/" + ACCOUNT).contentType(MediaType.APPLICATION_XML)
                .headers(h -> h.setBasicAuth("sandbox-callbacks", "forged-password")).bodyValue(notification)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"numbers-gateway\"");

        assertThat(ledger.find(new LedgerKey(OrderKind.ORDER, ACCOUNT, orderId)).blockOptional()).isEmpty();
    }

    @Test
    void aCallbackThatIsNotANotificationIs400AndADoctypeToo() {
        callback("<Other/>").exchange().expectStatus().isBadRequest();
        callback("<?xml version=\"1.0\"?><!DOCTYPE Notification [<!ENTITY x \"y\">]><Notification>&x;</Notification>")
                .exchange().expectStatus().isBadRequest();
        login(client.post().uri("/callbacks/bandwidth/accounts/" + ACCOUNT).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")).exchange().expectStatus().isEqualTo(415);
        callback("<Notification>" + "x".repeat(70_000) + "</Notification>").exchange().expectStatus()
                .isEqualTo(413);
    }

    @Test
    void aSubscriberUrlOutsideTheAllowedHostsIsA400NamingTheRule() {
        refused("https://hooks.example.org/in", "gateway.webhooks.allowed-hosts");
        refused("http://10.1.2.3/in", "insecure-http-hosts");
        refused("ftp://127.0.0.1/in", "http or https");
        refused("http://user:pw@127.0.0.1/in", "user information");
    }

    @Test
    void theSecretIsShownOnceAndARotationSignsWithBothSecrets() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Map<String, Object> webhook = subscribe(path, List.of("order.completed", "disconnect.completed"));
        String id = (String) webhook.get("id");
        assertThat((String) webhook.get("secret")).startsWith("whsec_");
        client.get().uri(api("/webhooks/" + id)).header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.secret").doesNotExist().jsonPath("$.url").isEqualTo(receiver(path));
        client.get().uri(api("/webhooks")).header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].events[0]").isEqualTo("disconnect.completed")
                .jsonPath("$[*].secret").doesNotExist();
        String rotated = JsonPath.read(client.post().uri(api("/webhooks/" + id + "/rotate-secret"))
                .header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody(), "$.secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(webhook.get("secret"));

        LoggedRequest delivered = awaitOne(path, order(availableNumbers(1, "808").get(0)));

        assertThat(delivered.getHeader("webhook-signature").split(" ")).hasSize(2);
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(delivered.getHeader("webhook-id")),
                "webhook-timestamp", List.of(delivered.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(delivered.getHeader("webhook-signature")));
        new Webhook(rotated).verify(delivered.getBodyAsString(), headers);
        new Webhook((String) webhook.get("secret")).verify(delivered.getBodyAsString(), headers);

        client.delete().uri(api("/webhooks/" + id)).header("X-API-Key", DEV_KEY).exchange().expectStatus()
                .isNoContent();
        client.get().uri(api("/webhooks/" + id)).header("X-API-Key", DEV_KEY).exchange().expectStatus()
                .isNotFound();
    }

    @Test
    void aFailedDeliveryCanBeSentAgainWithTheSameWebhookId() {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Map<String, Object> webhook = subscribe(path, List.of("order.completed"));
        String orderId = order(availableNumbers(1, "808").get(0));
        LoggedRequest first = awaitOne(path, orderId);
        String deliveryId = JsonPath.read(deliveries(webhook), "$[0].id");

        client.post().uri(api("/webhooks/" + webhook.get("id") + "/deliveries/" + deliveryId + "/retry"))
                .header("X-API-Key", DEV_KEY).exchange().expectStatus().isAccepted();

        await().atMost(PATIENCE).until(() -> requests(path, orderId).size() == 2);
        assertThat(requests(path, orderId)).extracting(r -> r.getHeader("webhook-id"))
                .containsOnly(first.getHeader("webhook-id"));
    }

    /** Every events series the chart's dashboard and alerts query is one the running gateway exports. */
    @Test
    void theEventSeriesTheDashboardAndAlertsQueryAreExported() {
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        subscribe(path, List.of("order.completed"));
        awaitOne(path, order(availableNumbers(1, "808").get(0)));
        await().atMost(PATIENCE).until(() -> prometheus().contains("gateway_reconciler_polls_total"));

        String exported = prometheus();
        assertThat(ObservedMetrics.events()).contains("gateway_webhooks_deliveries_total", "gateway_events_emitted_total",
                "gateway_callbacks_received_total", "gateway_reconciler_polls_total",
                "gateway_webhooks_delivery_lag_seconds_max");
        assertThat(ObservedMetrics.events()).allSatisfy(name -> assertThat(exported)
                .containsPattern("(?m)^" + name + "\\{"));
    }

    private String prometheus() {
        return client.get().uri("/actuator/prometheus").header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private void refused(String url, String rule) {
        client.post().uri(api("/webhooks")).header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "events", List.of("order.completed"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(rule));
    }

    private Map<String, Object> subscribe(String path, List<String> events) {
        return client.post().uri(api("/webhooks")).header("X-API-Key", DEV_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", receiver(path), "events", events, "description", "test receiver"))
                .exchange().expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private String order(String number) {
        String body = client.post().uri(api("/orders")).header("X-API-Key", DEV_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "events", "selection", Map.of("type", "phoneNumbers", "phoneNumbers",
                        List.of(number))))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.read(body, "$.id");
    }

    private void faults(Map<String, Object> settings) {
        client.put().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(settings).exchange().expectStatus().isOk();
    }

    private String deliveries(Map<String, Object> webhook) {
        return client.get().uri(api("/webhooks/" + webhook.get("id") + "/deliveries")).header("X-API-Key", DEV_KEY)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private void deliveriesShow(Map<String, Object> webhook, String status, int attempts, int responseCode) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            String body = deliveries(webhook);
            assertThat(JsonPath.<String>read(body, "$[0].status")).isEqualTo(status);
            assertThat(JsonPath.<Integer>read(body, "$[0].attempts")).isEqualTo(attempts);
            assertThat(JsonPath.<Integer>read(body, "$[0].responseCode")).isEqualTo(responseCode);
            assertThat(JsonPath.<String>read(body, "$[0].event")).isEqualTo("order.completed");
        });
    }

    private LoggedRequest awaitOne(String path, String orderId) {
        await().atMost(PATIENCE).until(() -> !requests(path, orderId).isEmpty());
        List<LoggedRequest> received = requests(path, orderId);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static List<LoggedRequest> requests(String path, String orderId) {
        return RECEIVER.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(path))).stream().filter(r -> r.getBodyAsString().contains(orderId)).toList();
    }

    private static String receiver(String path) {
        return "http://127.0.0.1:" + RECEIVER.port() + path;
    }

    private String notification(String orderId, String number) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Notification>"
                + "<SubscriptionId>test</SubscriptionId><OrderType>orders</OrderType><OrderId>" + orderId
                + "</OrderId><Status>COMPLETE</Status><Message>Created a new number order for 1 number</Message>"
                + "<CompletedTelephoneNumbers><TelephoneNumber>" + number.replace("+1", "")
                + "</TelephoneNumber></CompletedTelephoneNumbers></Notification>";
    }

    private org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> callback(String xml) {
        return login(client.post().uri("/callbacks/bandwidth/accounts/" + ACCOUNT)
                .contentType(MediaType.APPLICATION_XML).bodyValue(xml));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> login(
            org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request) {
        BandwidthCredentials.BasicCredentials login = (BandwidthCredentials.BasicCredentials) vault
                .credentialsFor(CallbacksProperties.LOGIN_ENTRY).block();
        return request.headers(h -> h.setBasicAuth(login.username(), login.password().reveal()));
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
