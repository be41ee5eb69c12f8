package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The README's walkthrough, end to end through the gateway's JSON API against the embedded sandbox with the
 * documented development key and no configuration.
 */
class SandboxGatewayIntegrationTests extends SandboxIntegrationTest {

    @Test
    void searchReserveOrderLookUpAndDisconnect() {
        List<String> numbers = search("/available-numbers?areaCode=206&quantity=3&details=true");
        assertThat(numbers).hasSize(3).allSatisfy(n -> assertThat(n).startsWith("+1206"));
        String number = numbers.get(0);

        String reservation = post("/reservations", Map.of("phoneNumber", number), 201);
        String reservationId = JsonPath.read(reservation, "$.id");
        assertThat((Integer) JsonPath.read(reservation, "$.expiresInSeconds")).isBetween(14_000, 14_400);
        post("/reservations", Map.of("phoneNumber", number), 409);

        String order = post("/orders", Map.of("name", "Walkthrough", "customerOrderId", "walkthrough-1",
                "selection", Map.of("type", "phoneNumbers", "phoneNumbers", List.of(number),
                        "reservationIds", List.of(reservationId))), 201);
        assertThat((String) JsonPath.read(order, "$.status")).isEqualTo("RECEIVED");
        assertThat((String) JsonPath.read(order, "$.siteId")).isEqualTo("1001");
        String orderId = JsonPath.read(order, "$.id");

        String complete = awaitFinal("/orders/" + orderId);
        assertThat((String) JsonPath.read(complete, "$.status")).isEqualTo("COMPLETE");
        assertThat((List<String>) JsonPath.read(complete, "$.completedNumbers")).containsExactly(number);

        String details = get("/phone-numbers/" + number, 200);
        assertThat((String) JsonPath.read(details, "$.status")).isEqualTo("Inservice");
        assertThat((String) JsonPath.read(details, "$.peerId")).isEqualTo("500001");

        String listed = get("/orders?customerOrderId=walkthrough-1", 200);
        assertThat((List<String>) JsonPath.read(listed, "$.orders[*].id")).containsExactly(orderId);

        String disconnect = post("/disconnects", Map.of("phoneNumbers", List.of(number)), 201);
        String disconnected = awaitFinal("/disconnects/" + JsonPath.read(disconnect, "$.id"));
        assertThat((List<String>) JsonPath.read(disconnected, "$.disconnectedNumbers")).containsExactly(number);
        get("/phone-numbers/" + number, 404);
    }

    @Test
    void searchAndOrderBuysTheRequestedQuantity() {
        String order = post("/orders", Map.of("name", "Two in Denver",
                "selection", Map.of("type", "rateCenter", "rateCenter", "DENVER", "state", "CO", "quantity", 2)), 201);

        String complete = awaitFinal("/orders/" + JsonPath.read(order, "$.id"));

        assertThat((String) JsonPath.read(complete, "$.status")).isEqualTo("COMPLETE");
        assertThat((List<String>) JsonPath.read(complete, "$.completedNumbers")).hasSize(2)
                .allSatisfy(n -> assertThat(n).startsWith("+1303"));
        assertThat((String) JsonPath.read(complete, "$.summary")).isEqualTo("2 numbers ordered in (303)");
    }

    @Test
    void takenNumbersMakePartialAndFailedOrdersWithPerNumberErrors() {
        List<String> numbers = search("/available-numbers?areaCode=512&quantity=2");
        awaitFinal("/orders/" + JsonPath.read(post("/orders", Map.of("name", "First",
                "selection", Map.of("type", "phoneNumbers", "phoneNumbers", List.of(numbers.get(0))))), "$.id"));

        String partial = awaitFinal("/orders/" + JsonPath.read(post("/orders", Map.of("name", "Second",
                "selection", Map.of("type", "phoneNumbers", "phoneNumbers", numbers)), 201), "$.id"));
        assertThat((String) JsonPath.read(partial, "$.status")).isEqualTo("PARTIAL");
        assertThat((List<String>) JsonPath.read(partial, "$.failedNumbers")).containsExactly(numbers.get(0));
        assertThat((List<String>) JsonPath.read(partial, "$.errors[*].code")).containsExactly("5005");
        assertThat((List<String>) JsonPath.read(partial, "$.errors[*].phoneNumber")).containsExactly(numbers.get(0));

        String failed = awaitFinal("/orders/" + JsonPath.read(post("/orders", Map.of("name", "Third",
                "partialAllowed", false, "selection", Map.of("type", "phoneNumbers", "phoneNumbers", numbers)), 201),
                "$.id"));
        assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
        assertThat((List<String>) JsonPath.read(failed, "$.errors[*].code")).containsOnly("5005");
    }

    @Test
    void noInventoryFailsOrBackorders() {
        String failed = awaitFinal("/orders/" + JsonPath.read(post("/orders", Map.of("name", "Alaska",
                "selection", Map.of("type", "state", "state", "AK", "quantity", 1)), 201), "$.id"));
        assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
        assertThat((List<String>) JsonPath.read(failed, "$.errors[*].code")).containsExactly("5018");

        String backordered = awaitFinal("/orders/" + JsonPath.read(post("/orders", Map.of("name", "Alaska later",
                "backOrderRequested", true, "selection", Map.of("type", "state", "state", "AK", "quantity", 1)), 201),
                "$.id"));
        assertThat((String) JsonPath.read(backordered, "$.status")).isEqualTo("BACKORDERED");
    }

    @Test
    void releasedReservationIsGone() {
        String number = search("/available-numbers?areaCode=617&quantity=1").get(0);
        String id = JsonPath.read(post("/reservations", Map.of("phoneNumber", number), 201), "$.id");

        client.delete().uri(api("/reservations/" + id)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isNoContent();

        get("/reservations/" + id, 404);
        post("/reservations", Map.of("phoneNumber", number), 201);
    }

    @Test
    void sandboxFaultsReachCallersAsProblems() {
        client.put().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("failureStatus", 503)).exchange().expectStatus().isOk();
        get("/orders/none", 502);

        client.put().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rateLimitSeconds", 1)).exchange().expectStatus().isOk();
        client.get().uri(api("/orders/none")).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        // the gateway keeps the account's reads closed until Bandwidth's reset time, then resumes by itself
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> client.get()
                .uri(api("/orders/none")).header("X-API-Key", DEV_KEY).exchange().returnResult(String.class)
                .getStatus().value() == 404);

        client.put().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("malformedBody", true)).exchange().expectStatus().isOk();
        get("/available-numbers?areaCode=919&quantity=1", 502);

        client.delete().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).exchange().expectStatus().isNoContent();
        assertThat(search("/available-numbers?areaCode=919&quantity=1")).hasSize(1);
    }

    private List<String> search(String path) {
        return JsonPath.read(get(path, 200), "$.numbers[*].phoneNumber");
    }

    private String awaitFinal(String path) {
        String[] last = new String[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get(path, 200);
            return !"RECEIVED".equals(JsonPath.read(last[0], "$.status"));
        });
        return last[0];
    }

    private String get(String path, int status) {
        return new String(client.get().uri(api(path)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBodyContent());
    }

    private String post(String path, Object body, int status) {
        return new String(client.post().uri(api(path)).header("X-API-Key", DEV_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBodyContent());
    }

    private String post(String path, Object body) {
        return post(path, body, 201);
    }
}
