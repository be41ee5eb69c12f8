package com.acme.numbers.bandwidth;

import java.util.Map;

import com.acme.numbers.ordering.error.OrderingException;

/** Bandwidth's subscription error codes (docs: 14500-14508, 16000-16008), in words for the log. */
final class SubscriptionErrors {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("14500", "the OrderType is not valid"),
            Map.entry("14501", "the subscription object is not valid"),
            Map.entry("14502", "the digest setting is not valid"),
            Map.entry("14503", "the callback URL is empty"),
            Map.entry("14504", "the callback URL is not valid"),
            Map.entry("14505", "the callback certificate is not valid"),
            Map.entry("14506", "the Basic authentication is incomplete"),
            Map.entry("14507", "the EventType is not valid"),
            Map.entry("14508", "neither OrderType nor EventType is given"),
            Map.entry("16000", "the subscription does not exist"),
            Map.entry("16001", "the order is not on this account"),
            Map.entry("16008", "an identical subscription exists already"));

    private SubscriptionErrors() {
    }

    /** The failure with the meaning of Bandwidth's code, when it gave one; never a credential. */
    static String describe(Throwable failure) {
        if (failure instanceof OrderingException ordering && ordering.upstreamCode() != null) {
            String meaning = MEANINGS.get(ordering.upstreamCode());
            return "Bandwidth code " + ordering.upstreamCode() + (meaning == null ? "" : " (" + meaning + ")")
                    + ": " + ordering.getMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
