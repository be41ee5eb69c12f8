package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One query-string rule for every operation: each operation in the OpenAPI document is sent a parameter it does
 * not declare, and each answers 400 validation_failed naming it, before anything reaches Bandwidth.
 */
class QueryStringRuleIntegrationTests extends StubBandwidthIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyDocumentedOperationRefusesAnUndeclaredParameter() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                // orders take dryRun (a dry run); no other operation has it
                boolean orders = method == HttpMethod.POST && path.getKey().endsWith("/orders");
                String uri = concrete(path.getKey()) + "?notAParameter=1&dryRun=true";
                if (orders) {
                    refused(method, uri, "notAParameter");
                }
                else {
                    refused(method, uri, "notAParameter", "dryRun");
                }
                checked.add(method + " " + path.getKey());
            }
        }
        assertThat(checked).as("operations walked").hasSizeGreaterThanOrEqualTo(9)
                .contains("POST /api/v1/accounts/{accountId}/orders",
                        "POST /api/v1/accounts/{accountId}/disconnects",
                        "GET /api/v1/accounts/{accountId}/orders/{orderId}");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void dryRunOnAValidDisconnectIsRefusedAndReleasesNothing() {
        refused(HttpMethod.POST, api(OAUTH_ACCOUNT, "/disconnects?dryRun=true"),
                Map.of("phoneNumbers", List.of("+19195550101")), "dryRun");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aDeclaredParameterGivenTwiceIsRefused() {
        client.get().uri(api(OAUTH_ACCOUNT, "/orders?size=1&size=2")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].message").isEqualTo("is given more than once");
        bandwidth.verify(0, anyRequestedFor(anyUrl()));
    }

    private void refused(HttpMethod method, String uri, String... names) {
        refused(method, uri, Map.of(), names);
    }

    private void refused(HttpMethod method, String uri, Object body, String... names) {
        var request = client.method(method).uri(uri).header("X-API-Key", OPS_KEY)
                .header("Idempotency-Key", "query-rule-" + method + uri.hashCode());
        var sent = method == HttpMethod.GET || method == HttpMethod.DELETE ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<byte[]> result = sent.exchange().expectBody().returnResult();
        String answer = new String(result.getResponseBodyContent() == null ? new byte[0]
                : result.getResponseBodyContent());
        assertThat(result.getStatus().value()).as(method + " " + uri + ": " + answer).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer);
        assertThat(problem.get("code").asString()).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(method + " " + uri).contains(names);
    }

    private JsonNode document() {
        byte[] body = client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBodyContent();
        return JSON.readTree(body);
    }

    /** The path with each template variable filled with a value its operation accepts. */
    private static String concrete(String template) {
        return template.replace("{accountId}", OAUTH_ACCOUNT)
                .replace("{phoneNumber}", "+19195550101")
                .replaceAll("\\{[A-Za-z]+Id}", "abc-123");
    }
}
