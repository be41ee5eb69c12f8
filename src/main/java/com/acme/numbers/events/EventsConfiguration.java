package com.acme.numbers.events;

import java.time.Clock;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.numbers.events.webhooks.InMemoryWebhookStore;
import com.acme.numbers.events.webhooks.WebhookDispatcher;
import com.acme.numbers.events.webhooks.WebhookSender;
import com.acme.numbers.events.webhooks.WebhookStore;
import com.acme.numbers.events.webhooks.Webhooks;
import com.acme.numbers.events.webhooks.WebhooksProperties;
import com.acme.numbers.ordering.NumberOrdering;

/**
 * Wires the order ledger, the reconciler and the webhook dispatcher. The stores are in memory here; with
 * {@code gateway.state.store=redis} the state room provides shared ones instead.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gateway.state.store", havingValue = "memory", matchIfMissing = true)
    InMemoryOrderLedger orderLedger(Clock clock, EventsProperties properties) {
        return new InMemoryOrderLedger(clock, properties.maxEntries());
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.state.store", havingValue = "memory", matchIfMissing = true)
    InMemoryWebhookStore webhookStore(WebhooksProperties properties) {
        return new InMemoryWebhookStore(properties.deliveriesKept());
    }

    @Bean
    OrderEvents orderEvents(OrderLedger ledger, EventData data, EventsProperties properties, Clock clock,
            MeterRegistry meters) {
        return new OrderEvents(ledger, data, properties, clock, meters);
    }

    /** What the gateway places and what its callers read goes through the ledger. */
    @Bean
    UnaryOperator<NumberOrdering> ledgeredOrdering(OrderEvents events) {
        return ordering -> new LedgeredOrdering(ordering, events);
    }

    /** Polls Bandwidth directly (the adapter), reporting what it finds itself. */
    @Bean
    Reconciler reconciler(OrderLedger ledger, NumberOrdering upstream, OrderEvents events,
            EventsProperties properties, Clock clock, MeterRegistry meters) {
        return new Reconciler(ledger, upstream, events, properties, clock, meters);
    }

    @Bean
    Webhooks webhooks(WebhookStore store, WebhooksProperties properties, Clock clock) {
        return new Webhooks(store, properties, clock);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(EventOutbox outbox, WebhookStore store, WebhookSender sender,
            WebhooksProperties properties, Clock clock, MeterRegistry meters) {
        return new WebhookDispatcher(outbox, store, sender, properties, clock, meters);
    }
}
