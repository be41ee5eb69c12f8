package com.acme.numbers.state;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.acme.numbers.events.EventType;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderEvent;
import com.acme.numbers.events.webhooks.Delivery;
import com.acme.numbers.events.webhooks.SigningSecret;
import com.acme.numbers.events.webhooks.Webhook;

/** Subscriptions and deliveries as the text {@link RedisWebhookStore} keeps: tab-separated fields, free text escaped. */
final class WebhookRecords {

    private WebhookRecords() {
    }

    /** One line for the subscription, one per secret (newest first). */
    static String encode(Webhook w) {
        StringBuilder text = new StringBuilder().append(w.url()).append('\t').append(escape(w.description()))
                .append('\t').append(w.createdAt().toEpochMilli()).append('\t')
                .append(w.events().stream().map(EventType::wireName).sorted().collect(Collectors.joining(",")));
        for (SigningSecret secret : w.secrets()) {
            text.append('\n').append(secret.value()).append('\t').append(StoredText.millis(secret.retiresAt()));
        }
        return text.toString();
    }

    static Webhook decode(String accountId, String id, String text) {
        List<String[]> lines = StoredText.lines(text);
        String[] head = lines.get(0);
        List<SigningSecret> secrets = lines.subList(1, lines.size()).stream()
                .map(s -> new SigningSecret(s[0], StoredText.instant(s[1]))).toList();
        return new Webhook(id, accountId, URI.create(head[0]), Arrays.stream(head[3].split(","))
                .map(name -> EventType.named(name).orElseThrow()).collect(Collectors.toSet()), unescape(head[1]),
                StoredText.instant(head[2]), secrets);
    }

    /** Tab-separated fields; the event's data (JSON, which never holds a raw tab) last. */
    static String encode(Delivery d) {
        OrderEvent e = d.event();
        return String.join("\t", d.id(), d.webhookId(), d.status().name(), Integer.toString(d.attempts()),
                d.responseCode() == null ? "" : d.responseCode().toString(), escape(d.error()),
                StoredText.millis(d.lastAttemptAt()), StoredText.millis(d.nextAttemptAt()), e.id(), e.type().wireName(), e.key().encoded(),
                StoredText.millis(e.timestamp()), e.data());
    }

    static Delivery decodeDelivery(String text) {
        String[] f = text.split("\t", 13);
        OrderEvent event = new OrderEvent(f[8], EventType.named(f[9]).orElseThrow(), LedgerKey.decode(f[10]),
                StoredText.instant(f[11]), f[12]);
        return new Delivery(f[0], f[1], event, Delivery.Status.valueOf(f[2]), Integer.parseInt(f[3]),
                f[4].isEmpty() ? null : Integer.valueOf(f[4]), unescape(f[5]), StoredText.instant(f[6]),
                StoredText.instant(f[7]));
    }

    private static String escape(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unescape(String text) {
        return text.isEmpty() ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
