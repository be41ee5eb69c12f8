package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Dry-run orders against the embedded sandbox: every reason named, nothing bought. */
class DryRunIntegrationTests extends SandboxIntegrationTest {

    @Test
    void aGoodOrderIsValidAndBuysNothing() {
        List<String> numbers = availableNumbers(2, "312");
        String reservation = reserveNumber(numbers.get(0));

        String body = dryRun(Map.of("name", "Dry", "selection", Map.of("type", "phoneNumbers",
                "phoneNumbers", numbers, "reservationIds", List.of(reservation))));

        assertThat((Boolean) JsonPath.read(body, "$.valid")).isTrue();
        assertThat((List<Object>) JsonPath.read(body, "$.problems")).isEmpty();
        assertThat((List<String>) JsonPath.read(body, "$.numbers")).isEqualTo(numbers);
        // nothing was bought: the unreserved number is still there for anyone
        assertThat(availableNumbers(50, "312")).contains(numbers.get(1));
        client.delete().uri(api("/reservations/" + reservation)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void anOrderThatWouldFailNamesEachReason() {
        List<String> numbers = availableNumbers(2, "415");
        String taken = reserveNumber(numbers.get(1));

        String body = dryRun(Map.of("name", "Dry", "siteId", "9999", "peerId", "8888", "selection",
                Map.of("type", "phoneNumbers", "phoneNumbers", List.of(numbers.get(0), numbers.get(1)),
                        "reservationIds", List.of("00000000-0000-4000-8000-000000000000"))));

        assertThat((Boolean) JsonPath.read(body, "$.valid")).isFalse();
        assertThat((List<String>) JsonPath.read(body, "$.problems[*].pointer"))
                .containsExactly("/siteId", "/selection/reservationIds/0", "/selection/phoneNumbers/1");
        assertThat((List<String>) JsonPath.read(body, "$.problems[*].code"))
                .containsExactly("site_not_found", "reservation_not_found", "number_unavailable");
        client.delete().uri(api("/reservations/" + taken)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aSearchOrderThatCannotFindTheQuantityAndAWrongPeerAreNamed() {
        String body = dryRun(Map.of("name", "Dry", "peerId", "8888", "selection",
                Map.of("type", "areaCode", "areaCode", "646", "quantity", 5000)));

        assertThat((List<String>) JsonPath.read(body, "$.problems[*].code"))
                .containsExactly("sip_peer_not_found", "not_enough_numbers");
        assertThat((List<String>) JsonPath.read(body, "$.numbers")).isNotEmpty().hasSizeLessThan(5000);
    }

    @Test
    void anInvalidOrderListsItsValidationProblemsAndADryRunValueMustBeABoolean() {
        String body = dryRun(Map.of("name", "", "selection", Map.of("type", "areaCode")));
        assertThat((List<String>) JsonPath.read(body, "$.problems[*].code")).containsOnly("validation_failed");
        assertThat((List<String>) JsonPath.read(body, "$.problems[*].pointer")).contains("/name");

        client.post().uri(api("/orders?dryRun=maybe")).header("X-API-Key", DEV_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x", "selection",
                        Map.of("type", "areaCode", "areaCode", "919", "quantity", 1)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("dryRun");
    }

    private String dryRun(Map<String, Object> order) {
        return client.post().uri(api("/orders?dryRun=true")).header("X-API-Key", DEV_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(order).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
