package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import com.acme.numbers.ordering.model.SearchKey;
import com.acme.numbers.support.Tiers;

/**
 * The served OpenAPI document: every contract path and problem type is described, and the document passes
 * {@code spectral lint} ({@code spectral:oas}, servers rule off) with no errors and no warnings. The document is
 * written to {@code target/openapi.json} for anyone who wants to read or lint it.
 */
class OpenApiDocumentTests extends SandboxIntegrationTest {

    private static final Path DOCUMENT = Path.of("target", "openapi.json");
    private static final Path SPECTRAL = Path.of("conformance", "openapi", "node_modules", ".bin", "spectral");

    @Test
    void describesEveryEndpointOfTheContract() throws Exception {
        String json = document();

        Map<String, Object> paths = JsonPath.read(json, "$.paths");
        assertThat(paths).containsKeys(
                "/api/v1/accounts/{accountId}/available-numbers",
                "/api/v1/accounts/{accountId}/reservations",
                "/api/v1/accounts/{accountId}/reservations/{reservationId}",
                "/api/v1/accounts/{accountId}/orders",
                "/api/v1/accounts/{accountId}/orders/{orderId}",
                "/api/v1/accounts/{accountId}/disconnects",
                "/api/v1/accounts/{accountId}/disconnects/{disconnectId}",
                "/api/v1/accounts/{accountId}/phone-numbers/{phoneNumber}",
                "/sandbox/admin/faults");
        List<String> orderProblems = List.copyOf(((Map<String, Object>) JsonPath.read(json,
                "$.paths['/api/v1/accounts/{accountId}/orders'].post.responses")).keySet());
        assertThat(orderProblems).contains("201", "400", "401", "403", "404", "422", "429", "502", "504");
        assertThat((List<String>) JsonPath.read(json, "$.components.schemas.Problem.properties.code.enum"))
                .contains("validation_failed", "number_unavailable", "upstream_timeout");
        assertThat((List<String>) JsonPath.read(json,
                "$.paths['/api/v1/accounts/{accountId}/available-numbers'].get.parameters[*].name"))
                .contains("areaCode", "npaNxxx", "tollFreeWildCardPattern", "details", "localCallingArea",
                        "protectedStatus");
    }

    /* One table of search keys: the document describes each with the format the validation holds it to. */
    @Test
    void describesEverySearchKeyWithItsFormat() throws Exception {
        String json = document();
        String search = "$.paths['/api/v1/accounts/{accountId}/available-numbers'].get.parameters";

        for (SearchKey key : SearchKey.values()) {
            List<Map<String, Object>> described = JsonPath.read(json, search + "[?(@.name == '" + key.apiName() + "')]");
            assertThat(described).as(key.apiName()).hasSize(1);
            Map<String, Object> schema = (Map<String, Object>) described.get(0).get("schema");
            assertThat(schema.get("type")).isEqualTo(key.isFlag() ? "boolean" : "string");
            assertThat(schema.get("pattern")).isEqualTo(key.isFlag() ? null : key.format().pattern());
            assertThat(described.get(0).get("in")).isEqualTo("query");
        }
        client.get().uri("/api/v1/accounts/{a}/available-numbers?tollFreeWildCardPattern=8**&quantity=1",
                sandbox.accountId()).header("X-API-Key", "sandbox-dev-key").exchange().expectStatus().isOk();
    }

    @Test
    void passesSpectralWithoutErrorsOrWarnings() throws Exception {
        document();
        Tiers.require(Files.isExecutable(SPECTRAL),
                "run 'npm install' in conformance/openapi (as .ci/run does) to lint with Spectral");

        Process process = new ProcessBuilder(SPECTRAL.toAbsolutePath().toString(), "lint", DOCUMENT.toString(),
                "--ruleset", "conformance/openapi/.spectral.yaml", "--fail-severity", "warn", "--format", "text")
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as("spectral lint output:%n%s", output).isZero();
    }

    private String document() throws Exception {
        byte[] body = client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBodyContent();
        Files.createDirectories(DOCUMENT.getParent());
        Files.write(DOCUMENT, body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
