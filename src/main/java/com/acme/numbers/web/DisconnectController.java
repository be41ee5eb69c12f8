package com.acme.numbers.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.OrderingService;

@RestController
@Tag(name = "Disconnects", description = "Release numbers from the account")
class DisconnectController {

    private final OrderingService service;

    DisconnectController(OrderingService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/accounts/{accountId}/disconnects")
    @Operation(operationId = "createDisconnect", summary = "Disconnect numbers",
            description = "Accepted as RECEIVED; poll GET /disconnects/{disconnectId} for the outcome. "
                    + "Disconnected numbers age before anyone can order them again.")
    @ApiResponse(responseCode = "201", description = "Accepted")
    Mono<ResponseEntity<DisconnectResponse>> create(@PathVariable String accountId,
            @RequestBody DisconnectRequest request) {
        return service.disconnect(accountId, request.toDomain())
                .map(DisconnectResponse::of)
                .map(body -> ResponseEntity.created(
                        URI.create("/api/v1/accounts/" + accountId + "/disconnects/" + body.id())).body(body));
    }

    @GetMapping("/api/v1/accounts/{accountId}/disconnects/{disconnectId}")
    @Operation(operationId = "getDisconnect", summary = "Read a disconnect order",
            description = "Lists the numbers released and any per-number errors.")
    Mono<DisconnectResponse> get(@PathVariable String accountId, @PathVariable String disconnectId) {
        return service.disconnectOrder(accountId, Inputs.id("disconnectId", disconnectId))
                .map(DisconnectResponse::of);
    }
}
