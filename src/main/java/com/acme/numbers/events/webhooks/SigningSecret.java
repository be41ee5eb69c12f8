package com.acme.numbers.events.webhooks;

import java.time.Instant;

/**
 * One signing secret of a subscription ({@code whsec_…}).
 *
 * @param value the secret; shown to the subscriber only in the answer that made it, and never in {@code toString()}
 * @param retiresAt when it stops signing (after a rotation's overlap); null while it is the current one
 */
public record SigningSecret(String value, Instant retiresAt) {

    public boolean signsAt(Instant now) {
        return retiresAt == null || retiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "SigningSecret[value=******, retiresAt=" + retiresAt + "]";
    }
}
