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

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Numbers", description = "Search for numbers and look up the account's numbers")
class AvailableNumbersController {

    private final OrderingService service;

    AvailableNumbersController(OrderingService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/accounts/{accountId}/available-numbers")
    @Operation(operationId = "searchAvailableNumbers", summary = "Search available numbers",
            description = "Give at least one search key. rateCenter and city need state; toll-free keys stand "
                    + "alone; localCallingArea applies to npaNxx, npaNxxx and rateCenter; orderBy needs npaNxx, "
                    + "npaNxxx, rateCenter, city, zip or a toll-free key. Unknown parameters are rejected.",
            parameters = {
                    @Parameter(name = "areaCode", in = QUERY, description = "3 digits, for example 919",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "npaNxx", in = QUERY, description = "6 digits, for example 919555",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "npaNxxx", in = QUERY, description = "7 digits, for example 9195551",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "rateCenter", in = QUERY, example = "RALEIGH", schema = @Schema(type = "string")),
                    @Parameter(name = "state", in = QUERY, example = "NC", schema = @Schema(type = "string")),
                    @Parameter(name = "city", in = QUERY, example = "Raleigh", schema = @Schema(type = "string")),
                    @Parameter(name = "zip", in = QUERY, description = "5 digits or ZIP+4, for example 27606",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "lata", in = QUERY, description = "up to 5 digits, for example 426",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "localVanity", in = QUERY, example = "CAFE", schema = @Schema(type = "string")),
                    @Parameter(name = "endsIn", in = QUERY, description = "with localVanity: match at the end",
                            schema = @Schema(type = "boolean")),
                    @Parameter(name = "tollFreeVanity", in = QUERY, example = "FLOWERS",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "tollFreeWildCardPattern", in = QUERY, example = "8**",
                            schema = @Schema(type = "string")),
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
        SearchCriteria criteria = new SearchCriteria(query.text("areaCode"), query.text("npaNxx"),
                query.text("npaNxxx"), query.text("rateCenter"), query.text("state"), query.text("city"),
                query.text("zip"), query.text("lata"), query.text("localVanity"), query.flag("endsIn"),
                query.text("tollFreeVanity"), query.text("tollFreeWildCardPattern"));
        Integer quantity = query.whole("quantity");
        String protectedStatus = query.text("protectedStatus");
        NumberSearch search = new NumberSearch(criteria, quantity == null ? 10 : quantity,
                Boolean.TRUE.equals(query.flag("details")), query.flag("localCallingArea"), query.text("orderBy"),
                protectedStatus == null ? null : protectedStatus.toUpperCase(Locale.ROOT));
        return service.search(accountId, search).map(SearchResponse::of);
    }
}
