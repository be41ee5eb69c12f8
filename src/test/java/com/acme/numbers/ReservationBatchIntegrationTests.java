package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Batches of reservations against the embedded sandbox: all or none, or what it can; read; release. */
class ReservationBatchIntegrationTests extends SandboxIntegrationTest {

    @Test
    void anAtomicBatchWithOneTakenNumberHoldsNoneAndANonAtomicOneHoldsTheRest() {
        List<String> numbers = available(20, "510");
        String taken = reserveNumber(numbers.get(7));

        EntityExchangeResult<String> atomic = batch(Map.of("numbers", numbers), "batch-atomic");
        assertThat(atomic.getStatus().value()).isEqualTo(409);
        assertThat(atomic.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String body = atomic.getResponseBody();
        assertThat((String) JsonPath.read(body, "$.code")).isEqualTo("reservation_batch_aborted");
        assertThat((Boolean) JsonPath.read(body, "$.retryable")).as("a taken number stays taken").isFalse();
        assertThat((String) JsonPath.read(body, "$.batch.status")).isEqualTo("ABORTED");
        assertThat((List<String>) JsonPath.read(body, "$.batch.numbers[?(@.status == 'RELEASED')].phoneNumber"))
                .hasSize(19);
        assertThat((List<String>) JsonPath.read(body, "$.batch.numbers[?(@.status == 'FAILED')].code"))
                .containsExactly("number_unavailable");

        // nothing is left held: the same 19 can be reserved at once, and the taken one still cannot
        EntityExchangeResult<String> partial = batch(Map.of("numbers", numbers, "atomic", false), "batch-partial");
        assertThat(partial.getStatus().value()).isEqualTo(200);
        assertThat((String) JsonPath.read(partial.getResponseBody(), "$.status")).isEqualTo("PARTIAL");
        assertThat((Integer) JsonPath.read(partial.getResponseBody(), "$.reserved")).isEqualTo(19);
        assertThat((List<String>) JsonPath.read(partial.getResponseBody(),
                "$.numbers[?(@.status == 'FAILED')].phoneNumber")).containsExactly(numbers.get(7));

        String id = JsonPath.read(partial.getResponseBody(), "$.id");
        client.delete().uri(api("/reservation-batches/" + id)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED")
                .jsonPath("$.reserved").isEqualTo(0);
        client.delete().uri(api("/reservations/" + taken)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isNoContent();
        // released: all 20 can be held together now
        EntityExchangeResult<String> whole = batch(Map.of("numbers", numbers), "batch-whole");
        assertThat(whole.getStatus().value()).isEqualTo(201);
        assertThat(whole.getResponseHeaders().getLocation().getPath()).endsWith((String) JsonPath.read(
                whole.getResponseBody(), "$.id"));
        client.get().uri(whole.getResponseHeaders().getLocation().toString()).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RESERVED")
                .jsonPath("$.reserved").isEqualTo(20).jsonPath("$.numbers[0].reservationId").isNotEmpty()
                .jsonPath("$.numbers[0].expiresAt").isNotEmpty();
        client.delete().uri(whole.getResponseHeaders().getLocation().toString()).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theSameKeyReplaysTheBatchWithoutReservingAgain() {
        List<String> numbers = available(3, "617");
        EntityExchangeResult<String> first = batch(Map.of("numbers", numbers), "batch-replay");
        EntityExchangeResult<String> again = batch(Map.of("numbers", numbers), "batch-replay");

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        client.delete().uri(first.getResponseHeaders().getLocation().toString()).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aSearchBatchHoldsTheQuantityFromTheSandbox() {
        EntityExchangeResult<String> found = batch(Map.of("search", Map.of("areaCode", "704"), "quantity", 5), null);

        assertThat(found.getStatus().value()).isEqualTo(201);
        assertThat((List<String>) JsonPath.read(found.getResponseBody(), "$.numbers[*].phoneNumber"))
                .hasSize(5).allSatisfy(n -> assertThat(n).startsWith("+1704"));
        client.delete().uri(found.getResponseHeaders().getLocation().toString()).header("X-API-Key", DEV_KEY)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED");
    }

    @Test
    void anOrderNamingABatchOrdersTheNumbersItHolds() {
        List<String> numbers = available(3, "213");
        EntityExchangeResult<String> held = batch(Map.of("numbers", numbers), null);
        String batchId = JsonPath.read(held.getResponseBody(), "$.id");

        client.post().uri(api("/orders")).header("X-API-Key", DEV_KEY).header("Prefer", "wait=5")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "From a batch", "selection",
                        Map.of("type", "phoneNumbers", "reservationBatchId", batchId)))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.completedNumbers.length()").isEqualTo(3);
        for (String number : numbers) {
            client.get().uri(api("/phone-numbers/" + number)).header("X-API-Key", DEV_KEY).exchange()
                    .expectStatus().isOk();
        }
        client.post().uri(api("/orders")).header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Both", "selection", Map.of("type", "phoneNumbers", "reservationBatchId",
                        batchId, "phoneNumbers", numbers)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("selection.reservationBatchId");
    }

    @Test
    void badBatchesAreProblemsAndReachNoOne() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(String.format("+1919555%04d", i));
        }
        assertProblem(batch(Map.of("numbers", tooMany), null), "numbers");
        assertProblem(batch(Map.of("numbers", List.of()), null), "numbers");
        assertProblem(batch(Map.of("numbers", List.of("+19195550100", "+19195550100")), null), "numbers");
        assertProblem(batch(Map.of("numbers", List.of("+19195550100", "12")), null), "numbers[1]");
        client.get().uri(api("/reservation-batches/no-such-batch")).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isNotFound();
    }

    private static void assertProblem(EntityExchangeResult<String> result, String field) {
        assertThat(result.getStatus().value()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(result.getResponseBody(), "$.errors[*].field")).contains(field);
    }

    private List<String> available(int quantity, String areaCode) {
        List<String> numbers = availableNumbers(quantity, areaCode);
        assertThat(numbers).hasSize(quantity);
        return numbers;
    }

    private EntityExchangeResult<String> batch(Map<String, Object> body, String key) {
        return client.post().uri(api("/reservation-batches")).header("X-API-Key", DEV_KEY)
                .headers(h -> {
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(String.class)
                .returnResult();
    }
}
