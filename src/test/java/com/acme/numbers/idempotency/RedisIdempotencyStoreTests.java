package com.acme.numbers.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.test.StepVerifier;

import com.acme.numbers.idempotency.IdempotencyStore.Claim;
import com.acme.numbers.idempotency.IdempotencyStore.StoredResponse;
import com.acme.numbers.support.RedisServer;

/** The Redis store against a real redis-server: the in-memory store's semantics, a lease, and failing closed. */
class RedisIdempotencyStoreTests {

    private static final RedisServer REDIS = RedisServer.started();
    private static final ReactiveStringRedisTemplate redis = REDIS.template();

    @AfterAll
    static void disconnect() {
        REDIS.close();
    }

    @BeforeEach
    void empty() {
        REDIS.flushAll();
    }

    private static RedisIdempotencyStore store(Duration lease) {
        return new RedisIdempotencyStore(redis, "test:", Duration.ofHours(24), lease, Duration.ofSeconds(2));
    }

    @Test
    void aKeyIsClaimedOnceThenInFlightThenReplayedWithItsAnswer() {
        RedisIdempotencyStore store = store(Duration.ofMinutes(2));
        StoredResponse answer = new StoredResponse(201, "application/json", "/api/v1/x/1",
                "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(store.claim("ops\nk1", "fp-a").block()).isInstanceOf(Claim.Claimed.class);
        assertThat(store.claim("ops\nk1", "fp-a").block()).isInstanceOf(Claim.InFlight.class);
        assertThat(store.claim("ops\nk1", "fp-b").block()).isInstanceOf(Claim.Mismatch.class);
        store.complete("ops\nk1", answer).block();

        Claim replay = store.claim("ops\nk1", "fp-a").block();
        assertThat(replay).isInstanceOf(Claim.Completed.class);
        StoredResponse replayed = ((Claim.Completed) replay).response();
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.contentType()).isEqualTo("application/json");
        assertThat(replayed.location()).isEqualTo("/api/v1/x/1");
        assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"1\"}");
        assertThat(store.claim("ops\nk1", "fp-b").block()).isInstanceOf(Claim.Mismatch.class);
        assertThat(redis.getExpire("test:idempotency:ops\nk1").block()).isGreaterThan(Duration.ofHours(23));
    }

    @Test
    void anAnswerWithoutContentTypeOrLocationKeepsThemAbsent() {
        RedisIdempotencyStore store = store(Duration.ofMinutes(2));
        store.claim("k", "fp").block();
        store.complete("k", new StoredResponse(204, null, null, new byte[0])).block();

        StoredResponse replayed = ((Claim.Completed) store.claim("k", "fp").block()).response();
        assertThat(replayed.contentType()).isNull();
        assertThat(replayed.location()).isNull();
        assertThat(replayed.body()).isEmpty();
    }

    @Test
    void aReleasedKeyMayBeClaimedAgainButACompletedOneIsKept() {
        RedisIdempotencyStore store = store(Duration.ofMinutes(2));
        store.claim("released", "fp").block();
        store.release("released").block();
        assertThat(store.claim("released", "fp").block()).isInstanceOf(Claim.Claimed.class);

        store.complete("released", new StoredResponse(201, null, null, new byte[0])).block();
        store.release("released").block();
        assertThat(store.claim("released", "fp").block()).isInstanceOf(Claim.Completed.class);
    }

    /* A replica that dies holding a claim: once its lease runs out, the retry takes the key over. */
    @Test
    void anExpiredLeaseLetsTheRetryTakeTheKeyOver() {
        RedisIdempotencyStore store = store(Duration.ofMillis(300));
        store.claim("crashed", "fp").block();
        assertThat(store.claim("crashed", "fp").block()).isInstanceOf(Claim.InFlight.class);

        await().atMost(Duration.ofSeconds(5)).until(() -> store.claim("crashed", "fp").block() instanceof Claim.Claimed);
        assertThat(store.claim("crashed", "other").block()).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void oneClaimWinsAmongManyAtOnce() {
        RedisIdempotencyStore store = store(Duration.ofMinutes(2));
        long claimed = reactor.core.publisher.Flux.range(0, 50)
                .flatMap(i -> store.claim("race", "fp"), 50)
                .filter(Claim.Claimed.class::isInstance).count().block();
        assertThat(claimed).isEqualTo(1);
    }

    @Test
    void redisAwayIsAnErrorWithinTheTimeoutNeverAClaim() {
        try (RedisServer gone = RedisServer.started()) {
            RedisIdempotencyStore store = new RedisIdempotencyStore(gone.template(), "t:", Duration.ofHours(24),
                    Duration.ofMinutes(2), Duration.ofMillis(300));
            gone.stop();

            StepVerifier.create(store.claim("k", "fp")).expectError().verify(Duration.ofSeconds(5));
        }
    }
}
