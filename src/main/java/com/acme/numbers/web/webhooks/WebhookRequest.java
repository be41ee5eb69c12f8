package com.acme.numbers.web.webhooks;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** A new subscription. */
record WebhookRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://provisioning.internal.example/hooks",
                description = "https to a host of gateway.webhooks.allowed-hosts, or http to one of "
                        + "gateway.webhooks.insecure-http-hosts") String url,
        @ArraySchema(minItems = 1, schema = @Schema(allowableValues = { "order.completed", "order.partial",
                "order.failed", "order.backordered", "disconnect.completed", "disconnect.partial",
                "disconnect.failed" }), arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        example = "[\"order.completed\", \"order.failed\"]")) List<String> events,
        @Schema(maxLength = 200, example = "Provisioning: activate lines") String description) {
}
