package com.acme.numbers.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param numbers the numbers to reserve, 1 to 100, E.164 or 10 digits
 * @param atomic all or none (the default): a number that cannot be held releases every number the batch held
 */
record ReservationBatchRequest(
        @ArraySchema(schema = @Schema(example = "+19195551234"), minItems = 1, maxItems = 100) List<String> numbers,
        @Schema(defaultValue = "true") Boolean atomic) {
}
