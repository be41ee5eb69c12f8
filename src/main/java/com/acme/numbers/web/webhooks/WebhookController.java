package com.acme.numbers.web.webhooks;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.EventType;
import com.acme.numbers.events.webhooks.Webhooks;
import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.web.RequestValues;

@RestController
@RequestMapping(path = "/api/v1/accounts/{accountId}/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Be told when orders and disconnects finish, instead of polling. Events are "
        + "signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) and delivered at least "
        + "once: deduplicate on webhook-id. Managing webhooks needs the numbers:write scope.")
class WebhookController {

    private static final int MAX_DESCRIPTION = 200;

    private final Webhooks webhooks;
    private final WebhookUrlPolicy policy;

    WebhookController(Webhooks webhooks, WebhookUrlPolicy policy) {
        this.webhooks = webhooks;
        this.policy = policy;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createWebhook", summary = "Subscribe to order events",
            description = "Answers with the signing secret (whsec_…), shown this once. The URL must be https to a "
                    + "host of gateway.webhooks.allowed-hosts (or http to one of insecure-http-hosts) and must not "
                    + "resolve to an internal address unless its host is listed exactly; a refused URL is a 400 "
                    + "naming the rule.")
    @ApiResponse(responseCode = "201", description = "Subscribed; keep the secret")
    Mono<ResponseEntity<WebhookResponse>> create(@PathVariable String accountId,
            @RequestBody WebhookRequest request) {
        Set<EventType> events = events(request);
        URI url = policy.parse(request.url());
        return policy.resolved(url)
                .flatMap(checked -> webhooks.create(accountId, checked, events, request.description()))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/webhooks/"
                        + created.webhook().id())).body(WebhookResponse.of(created.webhook(),
                                created.secret())));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List the account's webhooks", description = "No secrets.")
    Flux<WebhookResponse> list(@PathVariable String accountId) {
        return webhooks.list(accountId).map(webhook -> WebhookResponse.of(webhook, null));
    }

    @GetMapping("/{webhookId}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook", description = "No secret.")
    Mono<WebhookResponse> get(@PathVariable String accountId, @PathVariable String webhookId) {
        return webhooks.find(accountId, RequestValues.id("webhookId", webhookId))
                .map(webhook -> WebhookResponse.of(webhook, null));
    }

    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe",
            description = "Its pending deliveries are dropped.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<Void> delete(@PathVariable String accountId, @PathVariable String webhookId) {
        return webhooks.delete(accountId, RequestValues.id("webhookId", webhookId));
    }

    @PostMapping("/{webhookId}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "Answers with the new secret, shown this once. Until gateway.webhooks.secret-overlap has "
                    + "passed, every message is signed with the old and the new secret, so receivers can switch.")
    Mono<WebhookResponse> rotate(@PathVariable String accountId, @PathVariable String webhookId) {
        return webhooks.rotate(accountId, RequestValues.id("webhookId", webhookId))
                .map(rotated -> WebhookResponse.of(rotated.webhook(), rotated.secret()));
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Recent deliveries",
            description = "Newest first: each event, its state, the last response code and the next attempt.")
    Flux<DeliveryResponse> deliveries(@PathVariable String accountId, @PathVariable String webhookId) {
        return webhooks.deliveries(accountId, RequestValues.id("webhookId", webhookId)).map(DeliveryResponse::of);
    }

    @PostMapping("/{webhookId}/deliveries/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "retryWebhookDelivery", summary = "Send a delivery again",
            description = "Due at once, with the same webhook-id, whatever its state (a FAILED one gets one more "
                    + "attempt).")
    @ApiResponse(responseCode = "202", description = "Scheduled")
    Mono<DeliveryResponse> retry(@PathVariable String accountId, @PathVariable String webhookId,
            @PathVariable String deliveryId) {
        return webhooks.retry(accountId, RequestValues.id("webhookId", webhookId),
                RequestValues.id("deliveryId", deliveryId)).map(DeliveryResponse::of);
    }

    private static Set<EventType> events(WebhookRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.url() == null || request.url().isBlank()) {
            problems.add(new FieldProblem("url", "is required"));
        }
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        if (request.events() == null || request.events().isEmpty()) {
            problems.add(new FieldProblem("events", "name at least one event type"));
        }
        else {
            for (int i = 0; i < request.events().size(); i++) {
                String name = request.events().get(i);
                EventType.named(name).ifPresentOrElse(events::add, () -> problems.add(new FieldProblem(
                        "events", "unknown event type " + name + "; known: " + known())));
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return events;
    }

    private static String known() {
        return String.join(", ", Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }
}
