package com.acme.numbers.ordering;

import reactor.core.publisher.Mono;

/**
 * Outbound port: completes when someone (a Bandwidth callback, the reconciler) has seen a new status of an order or
 * disconnect, so a caller waiting with {@code Prefer: wait} is answered then rather than at its next poll.
 */
public interface OrderWatch {

    /** Nobody announces changes: waiting callers rely on their polls. */
    OrderWatch NONE = (accountId, id) -> Mono.never();

    Mono<Void> changed(String accountId, String id);
}
