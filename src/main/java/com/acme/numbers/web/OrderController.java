package com.acme.numbers.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.acme.numbers.idempotency.IdempotencyKeys;
import com.acme.numbers.ordering.OrderChecks;
import com.acme.numbers.ordering.OrderingService;
import com.acme.numbers.ordering.ReservationBatches;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.OrderQuery;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.web.security.ApiClient;
import com.acme.numbers.web.security.ApiProperties;
import com.acme.numbers.web.security.DryRuns;
import com.acme.numbers.web.server.AuditFilter;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Buy numbers and follow the orders")
class OrderController {

    private static final Set<String> LISTABLE_STATUSES = Set.of("COMPLETE", "PARTIAL", "FAILED", "BACKORDERED");

    private final OrderingService service;
    private final ReservationBatches batches;
    private final OrderChecks checks;
    private final ApiProperties api;

    OrderController(OrderingService service, ReservationBatches batches, OrderChecks checks, ApiProperties api) {
        this.service = service;
        this.batches = batches;
        this.checks = checks;
        this.api = api;
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createOrder", summary = "Order numbers",
            description = "Bandwidth accepts the order as RECEIVED and completes it asynchronously: poll "
                    + "GET /orders/{orderId} until the status is COMPLETE, PARTIAL, FAILED or BACKORDERED. Set "
                    + "customerOrderId so that after a timeout the order can be found again before retrying.")
    @ApiResponse(responseCode = "201", description = "Accepted (or, with Prefer: wait, finished)")
    @ApiResponse(responseCode = "200", description = "dryRun=true: what the order would come to; nothing ordered",
            content = @Content(schema = @Schema(implementation = DryRunResponse.class)))
    Mono<ResponseEntity<Object>> create(@PathVariable String accountId, @RequestBody OrderRequest request,
            @Parameter(description = "true: run every check the order would pass (validation, site and SIP peer, "
                    + "each number available or reserved by this account and not about to expire, a search finding "
                    + "the quantity) and answer 200 with the outcome; no order is placed, and numbers:read suffices")
            @RequestParam(required = false) String dryRun,
            @Parameter(in = ParameterIn.HEADER, description = "Makes the POST safe to retry: the same key and body "
                    + "replay the first answer (Idempotent-Replayed: true) and never buy twice; without it a "
                    + "retry after a timeout may order again. Also binds the order's customerOrderId.")
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Parameter(in = ParameterIn.HEADER, description = "wait=N: answer once the order has left RECEIVED, "
                    + "or after N seconds (at most gateway.api.max-prefer-wait)")
            @RequestHeader(value = PreferWait.PREFER, required = false) String prefer,
            ServerWebExchange exchange) {
        if (DryRuns.requested(dryRun)) {
            return withBatch(accountId, request).map(OrderRequest::toDomain)
                    .flatMap(order -> checks.check(accountId, order))
                    .map(run -> ResponseEntity.ok(DryRunResponse.of(run)));
        }
        ApiClient client = exchange.getAttribute(ApiClient.ATTRIBUTE);
        Duration wait = PreferWait.of(prefer, api.maxPreferWait());
        return withBatch(accountId, request).map(OrderRequest::toDomain)
                .flatMap(order -> {
                    checkQuantityLimit(order, client);
                    return idempotencyKey == null ? service.placeOrder(accountId, order)
                            : service.placeOrderOnce(accountId, order.withCustomerOrderIdIfAbsent(
                                    IdempotencyKeys.customerOrderId(client == null ? null : client.name(),
                                            idempotencyKey)));
                })
                .flatMap(o -> service.awaitOrder(accountId, o, wait))
                .map(o -> {
                    exchange.getAttributes().put(AuditFilter.UPSTREAM_ID, o.id());
                    if (o.customerOrderId() != null) {
                        exchange.getAttributes().put(AuditFilter.CUSTOMER_ORDER_ID, o.customerOrderId());
                    }
                    return PreferWait.created("/api/v1/accounts/" + accountId + "/orders/" + o.id(), wait,
                            o.status()).body((Object) OrderResponse.of(o));
                })
                .contextWrite(context -> LedgerContext.of(context, client, idempotencyKey));
    }

    /** An order may name a reservation batch: it orders the numbers the batch holds, with their reservations. */
    private Mono<OrderRequest> withBatch(String accountId, OrderRequest request) {
        SelectionRequest selection = request.selection();
        if (selection == null || selection.reservationBatchId() == null) {
            return Mono.just(request);
        }
        if (selection.phoneNumbers() != null || selection.reservationIds() != null) {
            throw InvalidRequestException.of("selection.reservationBatchId",
                    "replaces phoneNumbers and reservationIds: give one or the other");
        }
        return batches.batch(accountId, RequestValues.id("selection.reservationBatchId",
                        selection.reservationBatchId()))
                .map(batch -> {
                    if (batch.held().isEmpty()) {
                        throw InvalidRequestException.of("selection.reservationBatchId", "holds no numbers");
                    }
                    return request.withSelection(selection.holding(batch.held()));
                });
    }

    @GetMapping("/api/v1/accounts/{accountId}/orders/{orderId}")
    @Operation(operationId = "getOrder", summary = "Read an order",
            description = "A FAILED or PARTIAL order lists every per-number error.")
    Mono<OrderResponse> get(@PathVariable String accountId, @PathVariable String orderId) {
        return service.order(accountId, RequestValues.id("orderId", orderId)).map(OrderResponse::of);
    }

    @GetMapping("/api/v1/accounts/{accountId}/orders")
    @Operation(operationId = "listOrders", summary = "List orders",
            description = "Newest first as Bandwidth pages them; follow nextPageToken for more.")
    Mono<OrderListResponse> list(@PathVariable String accountId,
            @Parameter(schema = @Schema(allowableValues = { "COMPLETE", "PARTIAL", "FAILED", "BACKORDERED" }))
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customerOrderId,
            @Parameter(description = "first creation day (YYYY-MM-DD)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last creation day (YYYY-MM-DD)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(schema = @Schema(minimum = "1", maximum = "1000", defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String pageToken) {
        OrderQuery query = new OrderQuery(status(status), customerOrderId, from, to, size, PageToken.decode(pageToken));
        return service.orders(accountId, query).map(OrderListResponse::of);
    }

    /** One client may not buy more numbers per order than its configured share of the account's budget. */
    private static void checkQuantityLimit(NewOrder order, ApiClient client) {
        if (client == null || order.selection() == null) {
            return;
        }
        int requested = order.selection().quantity() != null ? order.selection().quantity()
                : order.selection().phoneNumbers().size();
        if (requested > client.maxOrderQuantity()) {
            String field = order.selection().quantity() != null ? "selection.quantity" : "selection.phoneNumbers";
            throw InvalidRequestException.of(field, "exceeds this client's limit of " + client.maxOrderQuantity()
                    + " numbers per order");
        }
    }

    private static OrderStatus status(String value) {
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!LISTABLE_STATUSES.contains(upper)) {
            throw InvalidRequestException.of("status", "must be one of COMPLETE, PARTIAL, FAILED, BACKORDERED");
        }
        return OrderStatus.valueOf(upper);
    }
}
