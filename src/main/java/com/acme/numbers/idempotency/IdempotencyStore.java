package com.acme.numbers.idempotency;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Port: remembers what a caller's POST with an {@code Idempotency-Key} answered, so a retry replays it instead of
 * acting twice. Keys are scoped per client by the caller of this port. Small on purpose: an in-memory store now,
 * a shared one for several replicas later.
 */
public interface IdempotencyStore {

    /** @return what to do with this request; fails when the store cannot answer (callers then fail closed) */
    Mono<Claim> claim(String key, String fingerprint);

    /** Records the final answer for a claimed key. */
    Mono<Void> complete(String key, StoredResponse response);

    /** Forgets a claimed key whose outcome is unknown, so the caller may try again. */
    Mono<Void> release(String key);

    /** An answer worth replaying: status, the headers that matter, and the body. */
    record StoredResponse(int status, String contentType, String location, byte[] body) {
    }

    /** The outcome of a claim. */
    sealed interface Claim {

        /** First use of the key: go ahead, then complete or release it. */
        record Claimed() implements Claim {
        }

        /** The same key is being processed right now. */
        record InFlight(Duration retryAfter) implements Claim {
        }

        /** The key was used with a different request. */
        record Mismatch() implements Claim {
        }

        /** The key was used with this request before: replay its answer. */
        record Completed(StoredResponse response) implements Claim {
        }
    }
}
