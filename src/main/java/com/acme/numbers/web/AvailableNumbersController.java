package com.acme.numbers.web;

import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.OrderingService;
import com.acme.numbers.ordering.SearchCriteria;

@RestController
@Tag(name = "Numbers", description = "Search for numbers and look up the account's numbers")
class AvailableNumbersController {

    private static final Set<String> PARAMETERS = Set.of("areaCode", "npaNxx", "npaNxxx", "rateCenter", "state",
            "city", "zip", "lata", "localVanity", "endsIn", "tollFreeVanity", "tollFreeWildCardPattern", "quantity",
            "details", "localCallingArea", "orderBy", "protectedStatus");

    private final OrderingService service;

    AvailableNumbersController(OrderingService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/accounts/{accountId}/available-numbers")
    @Operation(operationId = "searchAvailableNumbers", summary = "Search available numbers",
            description = "Give at least one search key. rateCenter and city need state; toll-free keys stand "
                    + "alone; localCallingArea applies to npaNxx, npaNxxx and rateCenter; orderBy needs npaNxx, "
                    + "npaNxxx, rateCenter, city, zip or a toll-free key. Unknown parameters are rejected.")
    Mono<SearchResponse> search(
            @PathVariable String accountId,
            @Parameter(description = "3 digits, for example 919") @RequestParam(required = false) String areaCode,
            @Parameter(description = "6 digits, for example 919555") @RequestParam(required = false) String npaNxx,
            @Parameter(description = "7 digits, for example 9195551") @RequestParam(required = false) String npaNxxx,
            @Parameter(example = "RALEIGH") @RequestParam(required = false) String rateCenter,
            @Parameter(example = "NC") @RequestParam(required = false) String state,
            @Parameter(example = "Raleigh") @RequestParam(required = false) String city,
            @Parameter(description = "5 digits or ZIP+4, for example 27606") @RequestParam(required = false) String zip,
            @Parameter(description = "up to 5 digits, for example 426") @RequestParam(required = false) String lata,
            @Parameter(example = "CAFE") @RequestParam(required = false) String localVanity,
            @Parameter(description = "with localVanity: match at the end") @RequestParam(required = false) Boolean endsIn,
            @Parameter(example = "FLOWERS") @RequestParam(required = false) String tollFreeVanity,
            @Parameter(example = "8**") @RequestParam(required = false) String tollFreeWildCardPattern,
            @Parameter(schema = @Schema(minimum = "1", maximum = "5000", defaultValue = "10"))
            @RequestParam(required = false) Integer quantity,
            @Parameter(description = "include city, state, rate center, LATA, tier and vendor")
            @RequestParam(defaultValue = "false") boolean details,
            @RequestParam(required = false) Boolean localCallingArea,
            @Parameter(schema = @Schema(allowableValues = { "fullNumber", "npaNxxx", "npaNxx", "areaCode" }))
            @RequestParam(required = false) String orderBy,
            @Parameter(schema = @Schema(allowableValues = { "NONE", "ONLY", "MIXED" }))
            @RequestParam(required = false) String protectedStatus,
            ServerWebExchange exchange) {
        Inputs.onlyKnownParameters(exchange, PARAMETERS);
        SearchCriteria criteria = new SearchCriteria(areaCode, npaNxx, npaNxxx, rateCenter, state, city, zip, lata,
                localVanity, endsIn, tollFreeVanity, tollFreeWildCardPattern);
        NumberSearch search = new NumberSearch(criteria, quantity == null ? 10 : quantity, details, localCallingArea,
                orderBy, protectedStatus == null ? null : protectedStatus.toUpperCase(Locale.ROOT));
        return service.search(accountId, search).map(SearchResponse::of);
    }
}
