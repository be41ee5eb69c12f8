package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Property-based fuzzing of the JSON request side over HTTP, against the gateway in sandbox mode: arbitrary JSON,
 * values of the wrong type in real request shapes, huge arrays, unknown fields and odd Unicode in E.164 numbers
 * always end in a 2xx or a 4xx problem, never a 5xx. {@code ./mvnw verify} runs a bounded number of tries;
 * {@code ./mvnw verify -Pfuzz} runs many more.
 */
class JsonRequestProperties {

    private static final String API = "/api/v1/accounts/9900000";
    private static final List<String> POSTS = List.of(API + "/orders", API + "/reservations", API + "/disconnects");
    private static ConfigurableApplicationContext gateway;
    private static WebClient http;

    @BeforeContainer
    static void startTheGateway() {
        gateway = new SpringApplicationBuilder(NumbersGatewayApplication.class)
                .properties("server.port=0", "gateway.sandbox.order-delay=100ms",
                        "gateway.resilience.account-rate-limit=1000")
                .run();
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        http = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("X-API-Key", "sandbox-dev-key").build();
    }

    @AfterContainer
    static void stopTheGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Property
    void arbitraryJsonIsAnsweredWithoutA5xx(@ForAll("json") String body, @ForAll("posts") String path) {
        answersWithoutA5xx(path, body);
    }

    @Property
    void aRealRequestWithOneFieldOfAnyValueIsAnsweredWithoutA5xx(@ForAll("realWithOneFieldReplaced") String body) {
        answersWithoutA5xx(API + "/orders", body);
    }

    @Property
    void oddPhoneNumbersAreAnsweredWithoutA5xx(@ForAll("oddNumber") String number) {
        answersWithoutA5xx(API + "/reservations", "{\"phoneNumber\":" + quoted(number) + "}");
        answersWithoutA5xx(API + "/disconnects", "{\"phoneNumbers\":[" + quoted(number) + "]}");
    }

    @Property(tries = 10)
    void hugeArraysAreAnsweredWithoutA5xx(@ForAll("hugeArray") String array) {
        answersWithoutA5xx(API + "/disconnects", "{\"phoneNumbers\":" + array + "}");
        answersWithoutA5xx(API + "/orders", "{\"name\":\"x\",\"selection\":{\"type\":\"phoneNumbers\","
                + "\"phoneNumbers\":" + array + ",\"reservationIds\":" + array + "}}");
    }

    private static void answersWithoutA5xx(String path, String body) {
        Map.Entry<Integer, String> answer = http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "fuzz-" + Integer.toHexString(body.hashCode()) + System.nanoTime())
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> Map.entry(response.statusCode().value(), text
                                + "|" + response.headers().contentType().map(Object::toString).orElse(""))))
                .block(Duration.ofSeconds(30));
        assertThat(answer.getKey()).as("%s %s -> %s", path, abbreviated(body), answer.getValue()).isLessThan(500);
        if (answer.getKey() >= 400) {
            assertThat(answer.getValue()).as(abbreviated(body)).contains("\"code\":").contains("application/problem+json")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Provide
    Arbitrary<String> posts() {
        return Arbitraries.of(POSTS);
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.recursive(this::scalar, this::container, 4);
    }

    private Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(JsonRequestProperties::quoted),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I")),
                Arbitraries.of("true", "false", "null", "1e309", "-0", "123456789012345678901234567890",
                        "0.5", "2.5", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\ufffe\""));
    }

    private Arbitrary<String> container(Arbitrary<String> element) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("name", "selection", "type", "quantity",
                "phoneNumbers", "phoneNumber", "reservationIds", "areaCode", "partialAllowed", "customerOrderId",
                "mode", "protected", "siteId"), Arbitraries.strings().alpha().ofMaxLength(8));
        Arbitrary<String> array = element.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.maps(key, element).ofMaxSize(4).map(fields -> fields.entrySet()
                .stream().map(field -> quoted(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}")));
        return Arbitraries.oneOf(array, object);
    }

    @Provide
    Arbitrary<String> realWithOneFieldReplaced() {
        Arbitrary<String> field = Arbitraries.of("name", "siteId", "peerId", "customerOrderId", "partialAllowed",
                "backOrderRequested", "protected", "type", "quantity", "areaCode", "localCallingArea", "endsIn",
                "phoneNumbers", "reservationIds", "pattern");
        return field.flatMap(name -> json().map(value -> real().replace("\"" + name + "\":VALUE", "")
                .replace("\"" + name + "\":", "\"" + name + "\":" + value + ",\"_" + name + "\":")
                .replace(",\"_" + name + "\":", ",\"" + name + "x\":")));
    }

    private static String real() {
        return "{\"name\":\"Line\",\"siteId\":\"1001\",\"customerOrderId\":\"fuzz\",\"partialAllowed\":true,"
                + "\"selection\":{\"type\":\"areaCode\",\"areaCode\":\"919\",\"quantity\":1}}";
    }

    @Provide
    Arbitrary<String> oddNumber() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofLength(10);
        Arbitrary<String> odd = Arbitraries.strings().withChars("０１２３４５６７８９٠١٢٣٤٥٦٧٨٩\u200b\u202e\ufeff+- ()."
                + "\u0000\u00a0").ofMinLength(1).ofMaxLength(16);
        return Arbitraries.oneOf(odd, digits.map(d -> "+1" + d), digits.map(d -> "+1\u200b" + d),
                digits.map(d -> "＋１" + d), Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> hugeArray() {
        return Arbitraries.integers().between(5_000, 60_000).map(n -> "[" + "\"+19195550101\",".repeat(n - 1)
                + "\"+19195550101\"]");
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
