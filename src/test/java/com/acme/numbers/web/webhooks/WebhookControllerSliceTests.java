package com.acme.numbers.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.EventType;
import com.acme.numbers.events.webhooks.SigningSecret;
import com.acme.numbers.events.webhooks.Webhook;
import com.acme.numbers.events.webhooks.Webhooks;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.web.slice.WebSlice;

/** The webhooks API alone: validation, status codes and problem bodies, the use cases stubbed. */
@WebSlice(WebhookController.class)
@Import(WebhookControllerSliceTests.Policy.class)
class WebhookControllerSliceTests {

    private static final String WEBHOOKS = "/api/v1/accounts/123/webhooks";

    @TestConfiguration(proxyBeanMethods = false)
    static class Policy {

        @Bean
        WebhookUrlPolicy webhookUrlPolicy() {
            return new WebhookUrlPolicy(WebhookUrlPolicyTests.properties(List.of("hooks.example.com"),
                    List.of("127.0.0.1")));
        }
    }

    @Autowired
    WebTestClient client;

    @MockitoBean
    Webhooks webhooks;

    @Test
    void aValidSubscriptionIs201WithLocationAndTheSecretOnce() {
        Webhook created = new Webhook("wh-1", "123", URI.create("http://127.0.0.1:9/in"),
                Set.of(EventType.ORDER_COMPLETED), "mine", Instant.parse("2026-12-06T10:00:00Z"),
                List.of(new SigningSecret("whsec_c2VjcmV0", null)));
        when(webhooks.create(eq("123"), eq(URI.create("http://127.0.0.1:9/in")), eq(Set.of(EventType.ORDER_COMPLETED)),
                eq("mine"))).thenReturn(Mono.just(new Webhooks.Created(created, "whsec_c2VjcmV0")));

        client.post().uri(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://127.0.0.1:9/in", "events", List.of("order.completed"),
                        "description", "mine"))
                .exchange().expectStatus().isCreated()
                .expectHeader().location(WEBHOOKS + "/wh-1")
                .expectBody().jsonPath("$.secret").isEqualTo("whsec_c2VjcmV0")
                .jsonPath("$.events[0]").isEqualTo("order.completed");
    }

    @Test
    void missingAndInvalidFieldsAre400NamingEachAndCallNothing() {
        client.post().uri(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", List.of("order.done"), "description", "x".repeat(201)))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("url", "events", "description"));
        verifyNoInteractions(webhooks);
    }

    @Test
    void aUrlOutsideTheAllowedHostsIs400NamingTheRule() {
        client.post().uri(WEBHOOKS).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "https://elsewhere.example.org/in", "events", List.of("order.failed")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.errors[0].message").value(message -> assertThat(
                        (String) message).contains("gateway.webhooks.allowed-hosts"));
        verifyNoInteractions(webhooks);
    }

    @Test
    void anUnknownWebhookIs404AndABadIdIs400() {
        when(webhooks.find("123", "wh-9")).thenReturn(Mono.error(new NotFoundException("Webhook wh-9 was not found",
                null)));

        client.get().uri(WEBHOOKS + "/wh-9").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        client.get().uri(WEBHOOKS + "/bad$id").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("webhookId");
    }

    @Test
    void aListNeverShowsASecret() {
        when(webhooks.list("123")).thenReturn(Flux.just(new Webhook("wh-1", "123",
                URI.create("https://hooks.example.com/in"), Set.of(EventType.DISCONNECT_FAILED), null,
                Instant.parse("2026-12-06T10:00:00Z"), List.of(new SigningSecret("whsec_c2VjcmV0", null)))));

        client.get().uri(WEBHOOKS).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo("wh-1").jsonPath("$[0].secret").doesNotExist()
                .jsonPath("$[0].description").doesNotExist();
    }

    @Test
    void retryingAnUnknownDeliveryIs404() {
        when(webhooks.retry(any(), any(), any())).thenReturn(Mono.error(new NotFoundException("Delivery dlv-1 was "
                + "not found", null)));

        client.post().uri(WEBHOOKS + "/wh-1/deliveries/dlv-1/retry").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
