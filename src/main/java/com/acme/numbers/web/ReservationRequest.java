package com.acme.numbers.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Hold one number for this account. */
record ReservationRequest(
        @Schema(example = "+19195551234", description = "+1 and 10 digits, or 10 digits",
                requiredMode = Schema.RequiredMode.REQUIRED) String phoneNumber) {
}
