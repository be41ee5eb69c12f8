package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Webhooks say where the account's events go: reading them is managing them, so every call needs numbers:write. */
class WebhookScopesIntegrationTests extends StubBandwidthIntegrationTest {

    @Test
    void aReadOnlyClientCanNeitherListNorCreateWebhooks() {
        client.get().uri(api(OAUTH_ACCOUNT, "/webhooks")).header("X-API-Key", READER_KEY).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("numbers:write"));
        client.post().uri(api(OAUTH_ACCOUNT, "/webhooks")).header("X-API-Key", READER_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "https://hooks.example.com/in", "events", List.of("order.completed")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aWritingClientListsThemAndAnotherAccountsAreNotItsToSee() {
        client.get().uri(api(OAUTH_ACCOUNT, "/webhooks")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk();
        client.get().uri(api("acct-of-someone-else", "/webhooks")).header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isForbidden();
    }
}
