package com.acme.numbers.web.batch;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.ReservationBatches;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.model.ReservationBatch;
import com.acme.numbers.web.RequestValues;
import com.acme.numbers.web.problem.ProblemCode;
import com.acme.numbers.web.problem.Problems;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reservations", description = "Hold a number for this account before ordering it")
class ReservationBatchController {

    private static final String BATCHES = "/api/v1/accounts/{accountId}/reservation-batches";

    private final ReservationBatches batches;

    ReservationBatchController(ReservationBatches batches) {
        this.batches = batches;
    }

    @PostMapping(path = BATCHES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createReservationBatch", summary = "Reserve up to 100 numbers in one call",
            description = "Reserves the numbers a few at a time within the account's Bandwidth rate limit. With "
                    + "atomic (the default) a number that cannot be held releases every number the batch held: "
                    + "409 reservation_batch_aborted, with the per-number view in its batch member. Without it the "
                    + "batch keeps what it got: 200 with status PARTIAL. Instead of numbers, a search (the keys of "
                    + "GET available-numbers) and a quantity: the gateway searches, reserves, and searches again for "
                    + "numbers taken meanwhile. Safe to retry with an Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Every number is held")
    @ApiResponse(responseCode = "200", description = "Not atomic: some numbers are held (status PARTIAL)")
    @ApiResponse(responseCode = "409", description = "Atomic and a number could not be held: none is",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<ResponseEntity<Object>> create(@PathVariable String accountId, @RequestBody ReservationBatchRequest request,
            ServerWebExchange exchange) {
        boolean atomic = !Boolean.FALSE.equals(request.atomic());
        return reserve(accountId, request, atomic).map(batch -> answer(accountId, batch, exchange));
    }

    private Mono<ReservationBatch> reserve(String accountId, ReservationBatchRequest request, boolean atomic) {
        if (request.search() != null) {
            if (request.numbers() != null) {
                throw InvalidRequestException.of("numbers", "give either numbers or a search, not both");
            }
            if (request.quantity() == null) {
                throw InvalidRequestException.of("quantity", "is required with a search");
            }
            return batches.reserveFound(accountId, RequestValues.searchCriteria("search", request.search()),
                    request.quantity(), atomic);
        }
        if (request.quantity() != null) {
            throw InvalidRequestException.of("quantity", "applies only to a search");
        }
        if (request.numbers() == null || request.numbers().isEmpty()
                || request.numbers().size() > ReservationBatches.MAX_NUMBERS) {
            throw InvalidRequestException.of("numbers", "must list 1 to " + ReservationBatches.MAX_NUMBERS
                    + " numbers, or give a search and a quantity");
        }
        return batches.reserve(accountId, RequestValues.phoneNumbers("numbers", request.numbers()), atomic);
    }

    @GetMapping(BATCHES + "/{batchId}")
    @Operation(operationId = "getReservationBatch", summary = "Read a reservation batch",
            description = "Each number's state as the batch last left it; batches are kept for 24 hours.")
    Mono<ReservationBatchResponse> get(@PathVariable String accountId, @PathVariable String batchId) {
        return batches.batch(accountId, RequestValues.id("batchId", batchId)).map(ReservationBatchResponse::of);
    }

    @DeleteMapping(BATCHES + "/{batchId}")
    @Operation(operationId = "releaseReservationBatch", summary = "Release every number a batch still holds",
            description = "A number already gone (expired or ordered) counts as released.")
    Mono<ReservationBatchResponse> release(@PathVariable String accountId, @PathVariable String batchId) {
        return batches.release(accountId, RequestValues.id("batchId", batchId)).map(ReservationBatchResponse::of);
    }

    private static ResponseEntity<Object> answer(String accountId, ReservationBatch batch, ServerWebExchange exchange) {
        ReservationBatchResponse view = ReservationBatchResponse.of(batch);
        return switch (batch.status()) {
            case RESERVED -> ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId
                    + "/reservation-batches/" + batch.id())).body(view);
            case ABORTED -> {
                ProblemDetail problem = Problems.of(ProblemCode.RESERVATION_BATCH_ABORTED, view.failed()
                        + " of " + view.numbers().size() + " numbers could not be held, so the batch released "
                        + "the others; see batch.numbers for each.", exchange);
                problem.setProperty("batch", view);
                // the same request may succeed later only if every number failed for a passing reason
                problem.setProperty("retryable", batch.entries().stream()
                        .filter(e -> e.state() == ReservationBatch.State.FAILED)
                        .allMatch(ReservationBatch.Entry::retryable));
                yield ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
            default -> ResponseEntity.ok(view);
        };
    }
}
