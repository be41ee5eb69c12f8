package com.acme.numbers.web.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import com.acme.numbers.events.OrderLedger;
import com.acme.numbers.ordering.error.InvalidRequestException;

@RestController
@Tag(name = "Orders", description = "Buy numbers and follow the orders")
class LedgerController {

    private static final int MAX = 500;

    private final OrderLedger ledger;

    LedgerController(OrderLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping(path = "/api/v1/accounts/{accountId}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listLedger", summary = "Orders and disconnects the gateway follows",
            description = "Newest first: every order and disconnect placed through the gateway (or announced by "
                    + "Bandwidth), who placed it, with which CustomerOrderId and Idempotency-Key, and the last status "
                    + "seen. Unfinished ones are polled by the reconciler until they finish. With the memory state "
                    + "store a restart empties it.")
    Flux<LedgerEntryResponse> list(@PathVariable String accountId,
            @Parameter(schema = @Schema(minimum = "1", maximum = "500", defaultValue = "50"))
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX) {
            throw InvalidRequestException.of("limit", "must be between 1 and " + MAX);
        }
        return ledger.list(accountId, limit).map(LedgerEntryResponse::of);
    }
}
