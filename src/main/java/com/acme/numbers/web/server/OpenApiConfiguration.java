package com.acme.numbers.web.server;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.numbers.web.problem.ProblemCode;
import com.acme.numbers.web.security.ApiKeyFilter;
import com.acme.numbers.web.security.ApiProperties;

/**
 * The OpenAPI description: API-key security on {@code /api}, and the problem responses every operation can give,
 * added in one place so no endpoint forgets one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";
    private static final String BEARER = "bearerJwt";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Problem responses per operation kind: every /api call can be refused; only upstream calls fail upstream. */
    private static final Map<String, String> COMMON = ordered(
            "400", "Invalid input (validation_failed, malformed_request); nothing was sent to Bandwidth",
            "401", "Missing or unknown API key (unauthenticated)",
            "403", "The client may not use this account or operation (forbidden)",
            "404", "Unknown account, resource or number (not_found)",
            "408", "The request's headers or body did not arrive within the server's timeouts (request_timeout); "
                    + "the connection closes",
            "422", "Bandwidth rejected the request as invalid (upstream_rejected, with upstreamCode)",
            "429", "This client's request rate (client_rate_limited) or Bandwidth's rate limit (upstream_throttled) "
                    + "was reached; see Retry-After and the RateLimit-* headers",
            "502", "Bandwidth failed, answered something unreadable or not from Bandwidth, or refused our credentials "
                    + "(upstream_failure); or an order or disconnect may have been carried out and could not be found "
                    + "(outcome_unknown, with customerOrderId): retry with the same Idempotency-Key",
            "503", "Calls to Bandwidth are paused (breaker open) or too many are in flight (upstream_unavailable); "
                    + "see Retry-After",
            "504", "Bandwidth did not answer in time (upstream_timeout, or outcome_unknown for an order or "
                    + "disconnect: retry with the same Idempotency-Key)");

    @Bean
    OpenAPI numbersGatewayOpenApi(ApiProperties api) {
        return new OpenAPI()
                .servers(List.of(new Server().url(api.publicUrl().toString())
                        .description("gateway.api.public-url")))
                .info(new Info().title("Numbers Gateway API").version("v1")
                        .description("Search, reserve, order, track and release phone numbers through one JSON API. "
                                + "The gateway alone speaks Bandwidth's XML Numbers API and holds its credentials. "
                                + "Send your API key in X-API-Key, or an OAuth2 bearer token. Every error is an RFC 9457 problem "
                                + "(application/problem+json) with a stable `code`. In sandbox mode (the default "
                                + "without Bandwidth configuration) an embedded Bandwidth simulator answers; its "
                                + "fault controls are under /sandbox/admin.")
                        .contact(new Contact().name("Numbers Gateway team").email("numbers-gateway@acme.example"))
                        .license(new License().name("Proprietary").url("https://acme.example/licenses/internal")))
                .tags(List.of(
                        new Tag().name("Numbers").description("Search for numbers and look up the account's numbers"),
                        new Tag().name("Reservations").description("Hold a number for this account before ordering it"),
                        new Tag().name("Orders").description("Buy numbers and follow the orders"),
                        new Tag().name("Disconnects").description("Release numbers from the account")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("OAuth2 access token with the "
                                        + "numbers:read / numbers:write scopes and the numbers_accounts claim")));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> addProblems(path,
                    operation)));
        };
    }

    private static void addProblems(String path, Operation operation) {
        if (!path.startsWith("/api/")) {
            return;
        }
        operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        COMMON.forEach((status, description) -> addProblem(operation, status, description));
        if (path.endsWith("/reservations")) {
            addProblem(operation, "409", "The number is taken or held elsewhere (number_unavailable), or a request "
                    + "with the same Idempotency-Key is in flight (idempotency_key_in_use)");
        }
        else if (operation.getRequestBody() != null) {
            addProblem(operation, "409", "A request with the same Idempotency-Key is in flight "
                    + "(idempotency_key_in_use); see Retry-After");
        }
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<Object> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("selection.quantity"))
                .addProperty("message", new StringSchema().example("must be between 1 and 5000"));
        return new ObjectSchema()
                .description("RFC 9457 problem details with the gateway's extensions")
                .addProperty("type", new StringSchema().format("uri")
                        .example(ProblemCode.TYPE_BASE + "validation-failed"))
                .addProperty("title", new StringSchema().example("The request is invalid"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("selection.quantity: must be between 1 and 5000"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .example("/api/v1/accounts/9900000/orders"))
                .addProperty("code", new StringSchema().example("validation_failed")
                        ._enum(Arrays.stream(ProblemCode.values()).map(ProblemCode::code).toList()))
                .addProperty("upstreamCode", new StringSchema().example("5041")
                        .description("Bandwidth's error code, when Bandwidth gave one"))
                .addProperty("retryable", new BooleanSchema().example(false))
                .addProperty("requestId", new StringSchema().example("3f1c2a9e-7d1b-4c55-9a52-0c1f1b7f0e11"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("one entry per invalid field, for validation problems (at most 50)"))
                .addProperty("errorsOmitted", new IntegerSchema().example(12)
                        .description("invalid fields beyond the 50 listed"))
                .addProperty("customerOrderId", new StringSchema().example("idem-3f1c2a9e7d1b4c559a520c1f1b7f0e11")
                        .description("the reference an order whose outcome is unknown can be found by"))
                .required(List.of("type", "title", "status", "code", "retryable", "requestId"));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
