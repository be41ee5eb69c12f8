package com.acme.numbers.bandwidth;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bandwidth's order notifications ({@code gateway.callbacks.*}).
 *
 * @param publicUrl where Bandwidth reaches this gateway (the ingress), for example
 *        {@code https://numbers.example.com}; the subscriptions point at it +
 *        {@code /callbacks/bandwidth/accounts/{accountId}}. Unset: no subscriptions, the reconciler alone finds
 *        every status (the sandbox defaults it to the gateway itself)
 * @param expiry the subscriptions' {@code Expiry}; they are renewed when half of it has passed
 * @param checkInterval how often the subscriptions are compared with what they should be
 * @param maxBody the largest notification accepted
 */
@ConfigurationProperties("gateway.callbacks")
public record CallbacksProperties(
        URI publicUrl,
        @DefaultValue("1d") Duration expiry,
        @DefaultValue("15m") Duration checkInterval,
        @DefaultValue("64KB") DataSize maxBody) {

    /** The credential backend's entry holding the callback login (a username and a password). */
    public static final String LOGIN_ENTRY = "callbacks";

    public CallbacksProperties withPublicUrl(URI url) {
        return new CallbacksProperties(url, expiry, checkInterval, maxBody);
    }
}
