package com.acme.numbers.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.OrderingService;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reservations", description = "Hold a number for this account before ordering it")
class ReservationController {

    private final OrderingService service;

    ReservationController(OrderingService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/reservations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createReservation", summary = "Reserve a number",
            description = "Holds the number for this account (Bandwidth's default hold is 4 hours). 409 when the "
                    + "number is taken or held elsewhere.")
    @ApiResponse(responseCode = "201", description = "Reserved")
    Mono<ResponseEntity<ReservationResponse>> create(@PathVariable String accountId,
            @RequestBody ReservationRequest request) {
        return service.reserve(accountId, RequestValues.phoneNumber("phoneNumber", request.phoneNumber()))
                .map(ReservationResponse::of)
                .map(body -> ResponseEntity.created(
                        URI.create("/api/v1/accounts/" + accountId + "/reservations/" + body.id())).body(body));
    }

    @GetMapping("/api/v1/accounts/{accountId}/reservations/{reservationId}")
    @Operation(operationId = "getReservation", summary = "Read a reservation",
            description = "Shows the reserved number and how long the hold lasts.")
    Mono<ReservationResponse> get(@PathVariable String accountId, @PathVariable String reservationId) {
        return service.reservation(accountId, RequestValues.id("reservationId", reservationId)).map(ReservationResponse::of);
    }

    @DeleteMapping("/api/v1/accounts/{accountId}/reservations/{reservationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteReservation", summary = "Release a reservation",
            description = "The number becomes available to anyone again.")
    @ApiResponse(responseCode = "204", description = "Released")
    Mono<Void> delete(@PathVariable String accountId, @PathVariable String reservationId) {
        return service.release(accountId, RequestValues.id("reservationId", reservationId));
    }
}
