package com.acme.numbers.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.OrderError;

/** One failure Bandwidth reported for an order, optionally about one number. */
record OrderErrorResponse(
        @Schema(example = "5005") String code,
        @Schema(example = "The telephone number is unavailable for ordering") String description,
        @Schema(example = "+19195551234") String phoneNumber) {

    static List<OrderErrorResponse> of(List<OrderError> errors) {
        return errors.stream().map(e -> new OrderErrorResponse(e.code(), e.description(),
                e.phoneNumber() == null ? null : e.phoneNumber().e164())).toList();
    }
}
