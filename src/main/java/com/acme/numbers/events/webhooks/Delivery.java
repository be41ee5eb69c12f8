package com.acme.numbers.events.webhooks;

import java.time.Instant;

import com.acme.numbers.events.OrderEvent;

/**
 * One event on its way to one subscriber.
 *
 * @param id the delivery's own id (for the retry call)
 * @param webhookId the subscription
 * @param event the event, whose id is the {@code webhook-id} of every attempt
 * @param status PENDING until an attempt succeeds (SUCCEEDED) or the retries run out (FAILED)
 * @param attempts attempts made
 * @param responseCode the last attempt's HTTP status, if it got one
 * @param error why the last attempt failed without a status (timeout, refused address…)
 * @param lastAttemptAt when the last attempt was made
 * @param nextAttemptAt when the next one is due; null once it is no longer PENDING
 */
public record Delivery(String id, String webhookId, OrderEvent event, Status status, int attempts,
        Integer responseCode, String error, Instant lastAttemptAt, Instant nextAttemptAt) {

    public enum Status { PENDING, SUCCEEDED, FAILED }

    public String accountId() {
        return event.key().accountId();
    }

    Delivery succeeded(int code, Instant at) {
        return new Delivery(id, webhookId, event, Status.SUCCEEDED, attempts + 1, code, null, at, null);
    }

    Delivery failed(Integer code, String why, Instant at, Instant next) {
        return new Delivery(id, webhookId, event, next == null ? Status.FAILED : Status.PENDING, attempts + 1, code,
                why, at, next);
    }

    /** Due again now, as an operator asked, whatever its state. */
    Delivery retriedNow(Instant now) {
        return new Delivery(id, webhookId, event, Status.PENDING, attempts, responseCode, error, lastAttemptAt, now);
    }
}
