package com.acme.numbers.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Bandwidth sandbox ({@code gateway.sandbox.*}).
 *
 * @param enabled on when unset and no Bandwidth base URL or credentials are configured; set false in production
 * @param accountId the one Bandwidth account the sandbox serves
 * @param siteId the site (sub-account) that exists on it
 * @param peerId the SIP peer that exists on that site
 * @param username Basic-auth API user
 * @param password Basic-auth password
 * @param clientId OAuth2 client id
 * @param clientSecret OAuth2 client secret
 * @param orderDelay time an order or disconnect stays RECEIVED before it finishes
 * @param reservationHold how long a reservation holds a number
 * @param seed seed of the generated number inventory (same seed, same numbers)
 * @param maxOrders orders and disconnects kept in memory before the oldest are forgotten
 */
@ConfigurationProperties("gateway.sandbox")
public record SandboxProperties(
        Boolean enabled,
        @DefaultValue("9900000") String accountId,
        @DefaultValue("1001") String siteId,
        @DefaultValue("500001") String peerId,
        @DefaultValue("sandbox-user") String username,
        @DefaultValue("sandbox-password") String password,
        @DefaultValue("sandbox-client") String clientId,
        @DefaultValue("sandbox-secret") String clientSecret,
        @DefaultValue("2s") Duration orderDelay,
        @DefaultValue("4h") Duration reservationHold,
        @DefaultValue("20261128") long seed,
        @DefaultValue("10000") int maxOrders) {

    /** Base path of the simulated Bandwidth API, relative to the gateway's root. */
    public static final String API_PATH = "/sandbox/bandwidth/api";

    @Override
    public String toString() {
        return "SandboxProperties[enabled=" + enabled + ", accountId=" + accountId + ", siteId=" + siteId
                + ", peerId=" + peerId + ", username=" + username + ", password=******, clientId=" + clientId
                + ", clientSecret=******, orderDelay=" + orderDelay + ", reservationHold=" + reservationHold
                + ", seed=" + seed + ", maxOrders=" + maxOrders + "]";
    }
}
