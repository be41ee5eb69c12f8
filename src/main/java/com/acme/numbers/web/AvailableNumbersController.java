package com.acme.numbers.web;

import static io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.OrderingService;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.web.server.SearchKeyParameters;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Numbers", description = "Search for numbers and look up the account's numbers")
class AvailableNumbersController {

    private final OrderingService service;

    AvailableNumbersController(OrderingService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/accounts/{accountId}/available-numbers")
    @SearchKeyParameters
    @Operation(operationId = "searchAvailableNumbers", summary = "Search available numbers",
            description = "Give at least one search key. rateCenter and city need state; toll-free keys stand "
                    + "alone; localCallingArea applies to npaNxx, npaNxxx and rateCenter; orderBy needs npaNxx, "
                    + "npaNxxx, rateCenter, city, zip or a toll-free key. Unknown parameters are rejected.",
            parameters = {
                    @Parameter(name = "quantity", in = QUERY, schema = @Schema(type = "integer", format = "int32",
                            minimum = "1", maximum = "5000", defaultValue = "10")),
                    @Parameter(name = "details", in = QUERY,
                            description = "include city, state, rate center, LATA, tier and vendor",
                            schema = @Schema(type = "boolean", defaultValue = "false")),
                    @Parameter(name = "localCallingArea", in = QUERY, schema = @Schema(type = "boolean")),
                    @Parameter(name = "orderBy", in = QUERY, schema = @Schema(type = "string",
                            allowableValues = { "fullNumber", "npaNxxx", "npaNxx", "areaCode" })),
                    @Parameter(name = "protectedStatus", in = QUERY, schema = @Schema(type = "string",
                            allowableValues = { "NONE", "ONLY", "MIXED" })) })
    Mono<SearchResponse> search(@PathVariable String accountId, ServerWebExchange exchange) {
        QueryValues query = QueryValues.of(exchange);
        SearchCriteria criteria = SearchCriteria.of(key -> key.isFlag() ? query.flag(key.apiName())
                : query.text(key.apiName()));
        Integer quantity = query.whole("quantity");
        String protectedStatus = query.text("protectedStatus");
        NumberSearch search = new NumberSearch(criteria, quantity == null ? 10 : quantity,
                Boolean.TRUE.equals(query.flag("details")), query.flag("localCallingArea"), query.text("orderBy"),
                protectedStatus == null ? null : protectedStatus.toUpperCase(Locale.ROOT));
        return service.search(accountId, search).map(SearchResponse::of);
    }
}
