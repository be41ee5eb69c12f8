package com.acme.numbers.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.NumberDetails;

/** A number on this account. */
record PhoneNumberResponse(
        @Schema(example = "+19195551234") String phoneNumber,
        @Schema(example = "Inservice") String status,
        @Schema(example = "9900000") String accountId,
        @Schema(example = "1001") String siteId,
        @Schema(example = "500001") String peerId,
        @Schema(example = "RALEIGH") String city,
        @Schema(example = "NC") String state,
        @Schema(example = "RALEIGH") String rateCenter,
        @Schema(example = "426") String lata,
        Instant inServiceDate,
        Instant lastModifiedAt) {

    static PhoneNumberResponse of(NumberDetails d) {
        return new PhoneNumberResponse(d.phoneNumber().e164(), d.status(), d.accountId(), d.siteId(), d.peerId(),
                d.city(), d.state(), d.rateCenter(), d.lata(), d.inServiceDate(), d.lastModifiedAt());
    }
}
