package com.acme.numbers.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.acme.numbers.idempotency.IdempotencyStore.Claim;
import com.acme.numbers.idempotency.IdempotencyStore.StoredResponse;
import com.acme.numbers.support.MutableClock;

class InMemoryIdempotencyStoreTests {

    private final MutableClock clock = new MutableClock();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofHours(24), 3);
    private final StoredResponse created = new StoredResponse(201, "application/json", "/orders/1", "{}".getBytes());

    @Test
    void firstClaimGoesAheadAndRepeatsWaitUntilCompleted() {
        assertThat(store.claim("k", "f").block()).isInstanceOf(Claim.Claimed.class);
        assertThat(store.claim("k", "f").block()).isInstanceOf(Claim.InFlight.class);

        store.complete("k", created).block();

        assertThat(store.claim("k", "f").block()).isEqualTo(new Claim.Completed(created));
        assertThat(store.claim("k", "other").block()).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void releasedKeysCanBeClaimedAgainButCompletedOnesStay() {
        store.claim("lost", "f").block();
        store.release("lost").block();
        assertThat(store.claim("lost", "f").block()).isInstanceOf(Claim.Claimed.class);

        store.complete("lost", created).block();
        store.release("lost").block();
        assertThat(store.claim("lost", "f").block()).isInstanceOf(Claim.Completed.class);
    }

    @Test
    void keysOutliveTwentyFourHoursAndNotMore() {
        store.claim("k", "f").block();
        store.complete("k", created).block();

        clock.advance(Duration.ofHours(24));
        assertThat(store.claim("k", "f").block()).isInstanceOf(Claim.Completed.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.claim("k", "f").block()).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void theOldestKeysGoFirstWhenTheStoreIsFull() {
        for (String key : new String[] { "a", "b", "c", "d" }) {
            store.claim(key, "f").block();
            store.complete(key, created).block();
        }

        assertThat(store.claim("a", "f").block()).isInstanceOf(Claim.Claimed.class);
        assertThat(store.claim("d", "f").block()).isInstanceOf(Claim.Completed.class);
    }
}
