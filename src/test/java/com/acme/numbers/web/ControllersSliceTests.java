package com.acme.numbers.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.OrderChecks;
import com.acme.numbers.ordering.OrderingService;
import com.acme.numbers.ordering.ReservationBatches;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.NumberUnavailableException;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.web.slice.WebSlice;

/**
 * The number controllers alone (search, reservations, orders, disconnects, phone numbers): their validation, status
 * codes and problem bodies, with the use cases stubbed. Callers' keys and the other filters: the full-application
 * tests.
 */
@WebSlice({ AvailableNumbersController.class, ReservationController.class, OrderController.class,
        DisconnectController.class, PhoneNumberController.class })
class ControllersSliceTests {

    private static final String API = "/api/v1/accounts/123";

    @Autowired
    WebTestClient client;

    @MockitoBean
    OrderingService service;

    @MockitoBean
    ReservationBatches batches;

    @MockitoBean
    OrderChecks checks;

    @Test
    void aReservationIs201WithItsLocation() {
        when(service.reserve(eq("123"), eq(PhoneNumber.parse("+19195551234")))).thenReturn(Mono.just(
                new Reservation("r-1", PhoneNumber.parse("+19195551234"), Instant.parse("2026-12-06T14:00:00Z"),
                        14_400)));

        client.post().uri(API + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumber", "+19195551234")).exchange()
                .expectStatus().isCreated().expectHeader().location(API + "/reservations/r-1")
                .expectBody().jsonPath("$.phoneNumber").isEqualTo("+19195551234");
    }

    @Test
    void aBadPhoneNumberIs400NamingTheFieldAndReachesNoUseCase() {
        problem(client.post().uri(API + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumber", "12")).exchange(), 400, "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("phoneNumber");
        verifyNoInteractions(service);
    }

    @Test
    void aTakenNumberIs409() {
        when(service.reserve(any(), any())).thenReturn(Mono.error(new NumberUnavailableException(
                "Telephone number 9195551234 is not available", "5041")));

        problem(client.post().uri(API + "/reservations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumber", "+19195551234")).exchange(), 409, "number_unavailable")
                .jsonPath("$.upstreamCode").isEqualTo("5041");
    }

    @Test
    void anUnknownOrderIs404AndABadOrderIdIs400() {
        when(service.order("123", "o-9")).thenReturn(Mono.error(new NotFoundException("Order o-9 was not found",
                null)));

        problem(client.get().uri(API + "/orders/o-9").exchange(), 404, "not_found");
        problem(client.get().uri(API + "/orders/o$9").exchange(), 400, "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("orderId");
    }

    @Test
    void anOrderIs201AndItsListRefusesAnUnknownStatus() {
        NumberOrder received = new NumberOrder("o-1", "line", null, "1001", "500001", OrderStatus.RECEIVED,
                Instant.parse("2026-12-06T14:00:00Z"), null, null, List.of(), List.of(), List.of());
        when(service.placeOrder(eq("123"), any())).thenReturn(Mono.just(received));
        when(service.awaitOrder(eq("123"), eq(received), any())).thenReturn(Mono.just(received));

        client.post().uri(API + "/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "line", "selection", Map.of("type", "phoneNumbers", "phoneNumbers",
                        List.of("+19195551234"))))
                .exchange().expectStatus().isCreated().expectHeader().location(API + "/orders/o-1")
                .expectBody().jsonPath("$.status").isEqualTo("RECEIVED");
        problem(client.get().uri(API + "/orders?status=DONE").exchange(), 400, "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void aDryRunThatIsNeitherTrueNorFalseIs400AndOrdersNothing() {
        problem(client.post().uri(API + "/orders?dryRun=yes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "line", "selection", Map.of("type", "areaCode", "areaCode", "919",
                        "quantity", 1))).exchange(), 400, "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("dryRun");
        verifyNoInteractions(service, checks);
    }

    @Test
    void aBatchAndNumbersTogetherIs400() {
        problem(client.post().uri(API + "/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "line", "selection", Map.of("type", "phoneNumbers", "phoneNumbers",
                        List.of("+19195551234"), "reservationBatchId", "b-1"))).exchange(), 400, "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("selection.reservationBatchId");
        verifyNoInteractions(service, batches);
    }

    @Test
    void aDisconnectWithoutNumbersIs400() {
        when(service.disconnect(any(), any())).thenCallRealMethod();

        problem(client.post().uri(API + "/disconnects").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "release", "phoneNumbers", List.of())).exchange(), 400,
                "validation_failed");
    }

    @Test
    void aPhoneNumberThatIsNotOneIs400() {
        problem(client.get().uri(API + "/phone-numbers/abc").exchange(), 400, "validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("phoneNumber");
        verifyNoInteractions(service);
    }

    @Test
    void aSearchWithoutCriteriaIs400() {
        when(service.search(any(), any())).thenCallRealMethod();

        problem(client.get().uri(API + "/available-numbers?quantity=2").exchange(), 400, "validation_failed");
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status,
            String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status).jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.type").exists().jsonPath("$.title").exists();
    }
}
