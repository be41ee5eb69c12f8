package com.acme.numbers.web.webhooks;

import java.time.format.DateTimeFormatter;

import com.acme.numbers.events.OrderEvent;

/**
 * The body every attempt of an event sends, byte for byte: {@code {"type","timestamp","data"}}, where {@code data}
 * is the resource's GET view as rendered when the change was seen.
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    static String body(OrderEvent event) {
        return "{\"type\":\"" + event.type().wireName() + "\",\"timestamp\":\""
                + DateTimeFormatter.ISO_INSTANT.format(event.timestamp()) + "\",\"data\":" + event.data() + "}";
    }
}
