package com.acme.numbers.events.webhooks;

import reactor.core.publisher.Mono;

/** Port: one signed attempt to hand a delivery to its subscriber. */
public interface WebhookSender {

    /**
     * @param status the subscriber's HTTP status, or null when there was none
     * @param error why there was none (timeout, refused address, connection failure)
     */
    record Attempt(Integer status, String error) {

        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Never fails: every problem is an unsuccessful {@link Attempt}. */
    Mono<Attempt> send(Webhook webhook, Delivery delivery);
}
