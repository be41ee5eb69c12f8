package com.acme.numbers.web;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.acme.numbers.idempotency.IdempotencyKeys;
import com.acme.numbers.ordering.OrderingService;
import com.acme.numbers.web.security.ApiClient;
import com.acme.numbers.web.security.ApiProperties;
import com.acme.numbers.web.server.AuditFilter;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Disconnects", description = "Release numbers from the account")
class DisconnectController {

    private final OrderingService service;
    private final ApiProperties api;

    DisconnectController(OrderingService service, ApiProperties api) {
        this.service = service;
        this.api = api;
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/disconnects", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createDisconnect", summary = "Disconnect numbers",
            description = "Accepted as RECEIVED; poll GET /disconnects/{disconnectId} for the outcome. "
                    + "Disconnected numbers age before anyone can order them again.")
    @ApiResponse(responseCode = "201", description = "Accepted (or, with Prefer: wait, finished)")
    Mono<ResponseEntity<DisconnectResponse>> create(@PathVariable String accountId,
            @RequestBody DisconnectRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "The same key and body replay the first answer")
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Parameter(in = ParameterIn.HEADER, description = "wait=N: answer once the disconnect has left "
                    + "RECEIVED, or after N seconds (at most gateway.api.max-prefer-wait)")
            @RequestHeader(value = PreferWait.PREFER, required = false) String prefer, ServerWebExchange exchange) {
        Duration wait = PreferWait.of(prefer, api.maxPreferWait());
        return service.disconnect(accountId, request.toDomain())
                .flatMap(d -> service.awaitDisconnect(accountId, d, wait))
                .map(d -> {
                    exchange.getAttributes().put(AuditFilter.UPSTREAM_ID, d.id());
                    return PreferWait.created("/api/v1/accounts/" + accountId + "/disconnects/" + d.id(), wait,
                            d.status()).body(DisconnectResponse.of(d));
                })
                .contextWrite(context -> LedgerContext.of(context, exchange.getAttribute(ApiClient.ATTRIBUTE),
                        idempotencyKey));
    }

    @GetMapping("/api/v1/accounts/{accountId}/disconnects/{disconnectId}")
    @Operation(operationId = "getDisconnect", summary = "Read a disconnect order",
            description = "Lists the numbers released and any per-number errors.")
    Mono<DisconnectResponse> get(@PathVariable String accountId, @PathVariable String disconnectId) {
        return service.disconnectOrder(accountId, RequestValues.id("disconnectId", disconnectId))
                .map(DisconnectResponse::of);
    }
}
