package com.acme.numbers.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scoping and the CustomerOrderId a key binds to never change: a retry after an upgrade must find its order. */
class IdempotencyKeysTests {

    @Test
    void theCustomerOrderIdIsTheOneEarlierVersionsDerived() {
        // "idem-" + the first 32 hex digits of SHA-256("ops\nkey-1"), computed outside the project (Python hashlib)
        assertThat(IdempotencyKeys.customerOrderId("ops", "key-1")).isEqualTo("idem-6a36ae451b9dc6c16f15dd8c505f7302");
    }

    @Test
    void keysAreScopedPerClient() {
        assertThat(IdempotencyKeys.scoped("ops", "k")).isNotEqualTo(IdempotencyKeys.scoped("other", "k"));
        assertThat(IdempotencyKeys.customerOrderId("ops", "k")).isNotEqualTo(IdempotencyKeys.customerOrderId("other",
                "k")).hasSize(37);
        assertThat(IdempotencyKeys.scoped(null, "k")).isEqualTo("\nk");
    }
}
