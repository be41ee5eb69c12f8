package com.acme.numbers.events;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: the events the ledger appended, until a consumer has handed each on. An event taken but not acknowledged
 * within {@code redeliverAfter} (its taker stopped) is taken again, so none is lost.
 */
public interface EventOutbox {

    Flux<OrderEvent> take(String consumer, int max, Duration redeliverAfter);

    Mono<Void> acknowledge(String eventId);
}
