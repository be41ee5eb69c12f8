package com.acme.numbers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.OrderingService;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Numbers")
class PhoneNumberController {

    private final OrderingService service;

    PhoneNumberController(OrderingService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/accounts/{accountId}/phone-numbers/{phoneNumber}")
    @Operation(operationId = "getPhoneNumber", summary = "Look up a number on the account",
            description = "404 when the number is not on this account.")
    Mono<PhoneNumberResponse> get(@PathVariable String accountId,
            @Parameter(example = "+19195551234") @PathVariable String phoneNumber) {
        return service.numberDetails(accountId, RequestValues.phoneNumber("phoneNumber", phoneNumber))
                .map(PhoneNumberResponse::of);
    }
}
