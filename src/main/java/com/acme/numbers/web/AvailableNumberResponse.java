package com.acme.numbers.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.AvailableNumber;

/** One number a search found; the detail fields appear only with {@code details=true}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AvailableNumberResponse(
        @Schema(example = "+19195551234", description = "E.164") String phoneNumber,
        @Schema(example = "RALEIGH") String city,
        @Schema(example = "NC") String state,
        @Schema(example = "RALEIGH") String rateCenter,
        @Schema(example = "426") String lata,
        @Schema(example = "0") String tier,
        @Schema(example = "49") String vendorId,
        @Schema(example = "Bandwidth CLEC") String vendorName) {

    static AvailableNumberResponse of(AvailableNumber n) {
        return new AvailableNumberResponse(n.phoneNumber().e164(), n.city(), n.state(), n.rateCenter(), n.lata(),
                n.tier(), n.vendorId(), n.vendorName());
    }
}
