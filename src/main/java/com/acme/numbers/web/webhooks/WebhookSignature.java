package com.acme.numbers.web.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.acme.numbers.events.webhooks.SigningSecret;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} per signing secret,
 * space-separated, so during a rotation's overlap a receiver holding either secret accepts the message.
 */
final class WebhookSignature {

    private static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    static String sign(String messageId, long timestampSeconds, String body, List<SigningSecret> secrets) {
        byte[] content = (messageId + '.' + timestampSeconds + '.' + body).getBytes(StandardCharsets.UTF_8);
        return secrets.stream().map(secret -> "v1," + hmac(key(secret), content)).collect(Collectors.joining(" "));
    }

    private static byte[] key(SigningSecret secret) {
        String value = secret.value();
        return Base64.getDecoder().decode(value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value);
    }

    private static String hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
