package com.acme.numbers.web.ledger;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import com.acme.numbers.events.LedgerEntry;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderKind;
import com.acme.numbers.events.OrderLedger;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.web.slice.WebSlice;

/** The ledger listing alone: its limit rule and its JSON view. */
@WebSlice(LedgerController.class)
class LedgerControllerSliceTests {

    @Autowired
    WebTestClient client;

    @MockitoBean
    OrderLedger ledger;

    @Test
    void entriesAreListedWithKindStatusCallerAndKey() {
        when(ledger.list("123", 2)).thenReturn(Flux.just(new LedgerEntry(new LedgerKey(OrderKind.DISCONNECT, "123",
                "d-1"), "ops", "ticket-1", "key-1", OrderStatus.PARTIAL, Instant.parse("2026-12-06T10:00:00Z"),
                Instant.parse("2026-12-06T10:00:05Z"), 1)));

        client.get().uri("/api/v1/accounts/123/ledger?limit=2").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].kind").isEqualTo("disconnect").jsonPath("$[0].id").isEqualTo("d-1")
                .jsonPath("$[0].status").isEqualTo("PARTIAL").jsonPath("$[0].caller").isEqualTo("ops")
                .jsonPath("$[0].idempotencyKey").isEqualTo("key-1").jsonPath("$[0].polls").isEqualTo(1);
    }

    @Test
    void aLimitOutOfRangeIs400() {
        client.get().uri("/api/v1/accounts/123/ledger?limit=501").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        client.get().uri("/api/v1/accounts/123/ledger?limit=x").exchange().expectStatus().isBadRequest();
        verifyNoInteractions(ledger);
    }
}
