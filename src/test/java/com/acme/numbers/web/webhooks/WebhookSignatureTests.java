package com.acme.numbers.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import com.acme.numbers.events.EventType;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderEvent;
import com.acme.numbers.events.OrderKind;
import com.acme.numbers.events.webhooks.SigningSecret;

/** Our signatures, checked by the Standard Webhooks reference library, never by our own code. */
class WebhookSignatureTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    @Test
    void theReferenceLibraryAcceptsOurSignatureAndRefusesATamperedBody() throws Exception {
        String body = WebhookPayload.body(event());
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign("msg_1", now, body, List.of(new SigningSecret(SECRET, null)));

        new Webhook(SECRET).verify(body, headers("msg_1", now, signature));
        assertThatThrownBy(() -> new Webhook(SECRET).verify(body.replace("COMPLETE", "FAILED"),
                headers("msg_1", now, signature))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(OTHER).verify(body, headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationEitherSecretVerifies() throws Exception {
        String body = WebhookPayload.body(event());
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign("msg_2", now, body,
                List.of(new SigningSecret(OTHER, null), new SigningSecret(SECRET, Instant.now().plusSeconds(60))));

        assertThat(signature.split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
        new Webhook(SECRET).verify(body, headers("msg_2", now, signature));
        new Webhook(OTHER).verify(body, headers("msg_2", now, signature));
    }

    @Test
    void theBodyIsTypeTimestampAndTheDataAsRendered() {
        assertThat(WebhookPayload.body(event())).isEqualTo("{\"type\":\"order.completed\",\"timestamp\":"
                + "\"2026-12-06T10:00:00Z\",\"data\":{\"id\":\"o-1\",\"status\":\"COMPLETE\"}}");
    }

    private static OrderEvent event() {
        return new OrderEvent("msg_1", EventType.ORDER_COMPLETED, new LedgerKey(OrderKind.ORDER, "9900000", "o-1"),
                Instant.parse("2026-12-06T10:00:00Z"), "{\"id\":\"o-1\",\"status\":\"COMPLETE\"}");
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
