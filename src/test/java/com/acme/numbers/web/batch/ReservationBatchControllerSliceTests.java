package com.acme.numbers.web.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.ReservationBatches;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.web.slice.WebSlice;

/** Reservation batches over HTTP alone: validation, status codes and problem bodies, the use case stubbed. */
@WebSlice(ReservationBatchController.class)
class ReservationBatchControllerSliceTests {

    private static final String BATCHES = "/api/v1/accounts/123/reservation-batches";

    @Autowired
    WebTestClient client;

    @MockitoBean
    ReservationBatches batches;

    @Test
    void numbersAndASearchTogetherAre400AndReserveNothing() {
        client.post().uri(BATCHES).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("numbers", List.of("+19195551234"), "search", Map.of("areaCode", "919"),
                        "quantity", 2))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed");
        verifyNoInteractions(batches);
    }

    @Test
    void aBadNumberInTheListIs400NamingIt() {
        client.post().uri(BATCHES).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("numbers", List.of("+19195551234", "nope"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field")
                .value(field -> assertThat((String) field).startsWith("numbers"));
        verifyNoInteractions(batches);
    }

    @Test
    void anUnknownBatchIs404() {
        when(batches.batch(any(), any())).thenReturn(Mono.error(new NotFoundException("Batch b-1 was not found",
                null)));

        client.get().uri(BATCHES + "/b-1").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }
}
