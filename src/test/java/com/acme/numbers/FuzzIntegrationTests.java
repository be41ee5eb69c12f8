package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriUtils;

/**
 * A seeded black-box fuzz run against the gateway in sandbox mode (no Docker, so no Schemathesis): hostile and
 * random values in every path, query and body field must never produce a 5xx, a non-problem error or a stack
 * trace; and a sweep of random ids never returns another caller's object.
 */
class FuzzIntegrationTests extends SandboxIntegrationTest {

    private static final long SEED = 20261128L;
    private static final int REQUESTS = 600;
    private static final List<String> HOSTILE = List.of("", " ", "'", "\"", "' OR 1=1 --", "<x/>", "&amp;",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "../../etc/passwd", "%00", "%2e%2e%2f",
            "\u0000", "\u202e\ufeff", "😀", "null", "true", "-1", "0", "99999999999999999999", "1e309", "NaN",
            "http://169.254.169.254/", "${jndi:ldap://x}", "{{7*7}}", "9195550101", "+19195550101", "a".repeat(5000));

    /* The adapter brings Jackson XML onto the class path: no media type may make the API use it, or fail. */
    private static final List<String> ACCEPTS = Arrays.asList(null, "*/*", "application/json",
            "application/xml", "text/xml", "application/x-ndjson", "text/event-stream", "application/yaml",
            "application/problem+xml", "text/html;q=0.9, application/xml;q=0.8", "application/*", "garbage///",
            "application/json;q=x");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/xml", "text/xml",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/x-ndjson",
            "application/json;charset=UTF-16");

    private final Random random = new Random(SEED);

    @Test
    void noInputMakesTheGatewayFailOrLeak() {
        List<Supplier<EntityExchangeResult<String>>> calls = List.of(
                () -> fuzzGet(api("/available-numbers?" + param() + "=" + value() + "&" + param() + "=" + value())),
                () -> fuzzGet(api("/available-numbers?areaCode=" + value() + "&quantity=" + value())),
                () -> fuzzGet(api("/available-numbers?areaCode=919&" + value() + "=" + value())),
                () -> fuzzGet(api("/orders?" + value() + "=1")),
                () -> fuzzGet(api("/orders/" + segment())),
                () -> fuzzGet(api("/orders?status=" + value() + "&size=" + value() + "&pageToken=" + value())),
                () -> fuzzGet(api("/reservations/" + segment())),
                () -> fuzzGet(api("/disconnects/" + segment())),
                () -> fuzzGet(api("/phone-numbers/" + segment())),
                () -> fuzz(HttpMethod.DELETE, api("/reservations/" + segment()), null),
                () -> fuzz(HttpMethod.POST, api("/reservations"), "{\"phoneNumber\":" + json() + "}"),
                () -> fuzz(HttpMethod.POST, api("/orders"), "{\"name\":" + json() + ",\"selection\":{\"type\":"
                        + json() + ",\"quantity\":" + json() + ",\"" + param() + "\":" + json() + "}}"),
                () -> fuzz(HttpMethod.POST, api("/disconnects"), "{\"phoneNumbers\":[" + json() + "],\"mode\":"
                        + json() + "}"),
                () -> fuzz(HttpMethod.POST, api("/orders"), value()));

        for (int i = 0; i < REQUESTS; i++) {
            EntityExchangeResult<String> result = calls.get(random.nextInt(calls.size())).get();
            int status = result.getStatus().value();
            String body = result.getResponseBody() == null ? "" : result.getResponseBody();
            assertThat(status).as("%s %s", result.getMethod(), result.getUrl()).isLessThan(500);
            // 414/431 come from the HTTP server's codec, before WebFlux: UndecodableRequestProblems answers them
            if (status >= 400) {
                assertThat(result.getResponseHeaders().getContentType()).as("%s", result.getUrl())
                        .isNotNull().satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                                .isTrue());
                assertThat(body).as("%s", result.getUrl()).contains("\"code\":")
                        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("root:x:0:0");
            }
        }
    }

    @Test
    void aSweepOfIdsNeverReturnsSomeoneElsesObjects() {
        for (int i = 0; i < 100; i++) {
            String id = Long.toHexString(random.nextLong()) + "-" + Integer.toHexString(random.nextInt());
            for (String path : List.of("/orders/", "/reservations/", "/disconnects/")) {
                assertThat(get("/api/v1/accounts/1234567" + path + id).getStatus().value()).isEqualTo(403);
                assertThat(get(api(path + id)).getStatus().value()).isEqualTo(404);
            }
        }
    }

    private EntityExchangeResult<String> get(String uri) {
        return client.get().uri(URI.create("http://localhost:" + port + uri)).header("X-API-Key", DEV_KEY)
                .exchange().expectBody(String.class).returnResult();
    }

    private EntityExchangeResult<String> fuzzGet(String uri) {
        return fuzz(HttpMethod.GET, uri, null);
    }

    /* Sometimes with an Accept header, and a body's type, that the API does not speak. */
    private EntityExchangeResult<String> fuzz(HttpMethod method, String uri, String body) {
        var request = client.method(method).uri(URI.create("http://localhost:" + port + uri))
                .header("X-API-Key", DEV_KEY);
        String accept = pick(ACCEPTS);
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        String type = random.nextInt(3) == 0 ? pick(CONTENT_TYPES) : "application/json";
        var spec = body == null ? request : request.header(HttpHeaders.CONTENT_TYPE, type).bodyValue(body);
        return spec.exchange().expectBody(String.class).returnResult();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String param() {
        List<String> names = List.of("areaCode", "npaNxx", "npaNxxx", "rateCenter", "state", "city", "zip", "lata",
                "localVanity", "endsIn", "tollFreeVanity", "tollFreeWildCardPattern", "quantity", "details",
                "localCallingArea", "orderBy", "protectedStatus", "bogus", "LCA");
        return names.get(random.nextInt(names.size()));
    }

    private String value() {
        String raw = random.nextInt(4) == 0 ? randomText() : HOSTILE.get(random.nextInt(HOSTILE.size()));
        return UriUtils.encode(raw, StandardCharsets.UTF_8);
    }

    private String segment() {
        return value().replace("%2F", "%252F");
    }

    private String json() {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> "null";
            case 2 -> "[\"" + escape(HOSTILE.get(random.nextInt(HOSTILE.size()))) + "\"]";
            case 3 -> "{\"x\":1}";
            default -> "\"" + escape(random.nextBoolean() ? randomText() : HOSTILE.get(random.nextInt(HOSTILE.size())))
                    + "\"";
        };
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append((char) (32 + random.nextInt(0x2F00)));
        }
        return text.toString();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
