package com.acme.numbers.web.batch;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Either {@code numbers}, or a {@code search} and a {@code quantity}.
 *
 * @param numbers the numbers to reserve, 1 to 100, E.164 or 10 digits
 * @param search the search keys of {@code GET available-numbers} ({@code areaCode}, {@code npaNxx}, ...): the gateway
 *        searches and reserves, and searches again for numbers taken meanwhile, until it holds {@code quantity}
 * @param quantity with {@code search}: how many numbers to hold, 1 to 100
 * @param atomic all or none (the default): a number that cannot be held releases every number the batch held
 */
record ReservationBatchRequest(
        @ArraySchema(schema = @Schema(example = "+19195551234"), minItems = 1, maxItems = 100) List<String> numbers,
        @Schema(example = "{\"areaCode\": \"919\"}") Map<String, Object> search,
        @Schema(minimum = "1", maximum = "100", example = "20") Integer quantity,
        @Schema(defaultValue = "true") Boolean atomic) {
}
