package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * {@code <Subscription>}: the body of {@code POST} and {@code PUT …/subscriptions}, and one entry of
 * {@code SubscriptionsResponse}. Only callback subscriptions for an {@code OrderType} are the gateway's.
 */
@JacksonXmlRootElement(localName = "Subscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionXml(
        @JsonProperty("SubscriptionId") String subscriptionId,
        @JsonProperty("OrderType") String orderType,
        @JsonProperty("OrderId") String orderId,
        @JsonProperty("EventType") String eventType,
        @JsonProperty("EmailSubscription") EmailXml email,
        @JsonProperty("CallbackSubscription") CallbackXml callback) {

    /** A callback subscription for every order of {@code orderType}, with Basic credentials. */
    public static SubscriptionXml callback(String orderType, String url, long expirySeconds, String username,
            String password) {
        return new SubscriptionXml(null, orderType, null, null, null, new CallbackXml(url, expirySeconds, null,
                new CredentialsXml(new BasicXml(username, password), null), null));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackXml(
            @JsonProperty("URL") String url,
            @JsonProperty("Expiry") Long expiry,
            @JsonProperty("Status") String status,
            @JsonProperty("CallbackCredentials") CredentialsXml credentials,
            @JsonProperty("NumberFormat") String numberFormat) {

        @Override
        public String toString() {
            return "CallbackXml[url=" + url + ", expiry=" + expiry + ", status=" + status + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialsXml(
            @JsonProperty("BasicAuthentication") BasicXml basic,
            @JsonProperty("PublicKey") String publicKey) {

        @Override
        public String toString() {
            return "CredentialsXml[******]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BasicXml(@JsonProperty("Username") String username, @JsonProperty("Password") String password) {

        @Override
        public String toString() {
            return "BasicXml[username=" + username + ", password=******]";
        }
    }

    public record EmailXml(@JsonProperty("Email") String email,
            @JsonProperty("DigestRequested") String digestRequested) {
    }

    /** {@code <SubscriptionsResponse>}: the list, also what {@code GET …/subscriptions/{id}} answers. */
    public record ListXml(@JsonProperty("Subscriptions") EntriesXml subscriptions) {

        public List<SubscriptionXml> all() {
            return subscriptions == null || subscriptions.entries() == null ? List.of() : subscriptions.entries();
        }
    }

    public record EntriesXml(@JsonProperty("Subscription") List<SubscriptionXml> entries) {
    }
}
