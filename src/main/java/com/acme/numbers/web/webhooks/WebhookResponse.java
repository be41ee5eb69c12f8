package com.acme.numbers.web.webhooks;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.events.EventType;
import com.acme.numbers.events.webhooks.Webhook;

/** A subscription; {@code secret} only in the answers that create one (subscribe, rotate), never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookResponse(
        @Schema(example = "wh-3f1c2a9b7d3e4c1f9a1b2c3d4e5f6a7b") String id,
        @Schema(example = "https://provisioning.internal.example/hooks") String url,
        @Schema(example = "[\"order.completed\"]") List<String> events,
        String description,
        Instant createdAt,
        @Schema(description = "Signing secret (Standard Webhooks); shown once", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    static WebhookResponse of(Webhook webhook, String secret) {
        return new WebhookResponse(webhook.id(), webhook.url().toString(),
                webhook.events().stream().map(EventType::wireName).sorted().toList(), webhook.description(),
                webhook.createdAt(), secret);
    }
}
