package com.acme.numbers.web.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import com.acme.numbers.events.webhooks.Delivery;
import com.acme.numbers.events.webhooks.Webhook;
import com.acme.numbers.events.webhooks.WebhookSender;
import com.acme.numbers.events.webhooks.WebhooksProperties;
import com.acme.numbers.ordering.error.InvalidRequestException;

/**
 * Sends one delivery as Standard Webhooks prescribe: the body {@code {"type","timestamp","data"}}, the headers
 * {@code webhook-id} (the event's id, the same on every attempt), {@code webhook-timestamp} (this attempt) and
 * {@code webhook-signature}. Redirects are not followed, the answer's body is never read (only its status counts),
 * and the whole attempt is bounded by {@code gateway.webhooks.timeout}.
 */
final class HttpWebhookSender implements WebhookSender {

    private final WebClient client;
    private final WebhookUrlPolicy policy;
    private final Duration timeout;
    private final Clock clock;

    HttpWebhookSender(WebClient.Builder builder, WebhookUrlPolicy policy, WebhooksProperties properties,
            Clock clock) {
        this.timeout = properties.timeout();
        HttpClient http = HttpClient.create().followRedirect(false).responseTimeout(timeout)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis());
        this.client = builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<Attempt> send(Webhook webhook, Delivery delivery) {
        return policy.resolved(webhook.url())
                .flatMap(url -> post(url, webhook, delivery))
                .onErrorResume(InvalidRequestException.class, refused -> Mono.just(new Attempt(null,
                        "refused: " + refused.problems().get(0).message())))
                .onErrorResume(ex -> Mono.just(new Attempt(null, describe(ex))));
    }

    private Mono<Attempt> post(URI url, Webhook webhook, Delivery delivery) {
        String body = WebhookPayload.body(delivery.event());
        long timestamp = clock.instant().getEpochSecond();
        String messageId = delivery.event().id();
        return client.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(messageId, timestamp, body,
                        webhook.signingAt(clock.instant())))
                .header("User-Agent", "numbers-gateway-webhooks")
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(new Attempt(response.statusCode().value(), null)))
                .timeout(timeout);
    }

    private static String describe(Throwable ex) {
        if (ex instanceof TimeoutException) {
            return "no answer within the timeout";
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
