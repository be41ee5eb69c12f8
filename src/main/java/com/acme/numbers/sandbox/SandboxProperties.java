package com.acme.numbers.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

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
 * @param password Basic-auth password; generated at each start when unset (the start-up line shows it), so no
 *        documented login works on someone else's sandbox
 * @param clientId OAuth2 client id
 * @param clientSecret OAuth2 client secret; generated at each start when unset, like the password
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
        String password,
        @DefaultValue("sandbox-client") String clientId,
        String clientSecret,
        @DefaultValue("2s") Duration orderDelay,
        @DefaultValue("4h") Duration reservationHold,
        @DefaultValue("20261128") long seed,
        @DefaultValue("10000") int maxOrders) {

    /** Base path of the simulated Bandwidth API, relative to the gateway's root. */
    public static final String API_PATH = "/sandbox/bandwidth/api";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GENERATED = "gen-";

    public SandboxProperties {
        password = password == null || password.isBlank() ? GENERATED + generated() : password;
        clientSecret = clientSecret == null || clientSecret.isBlank() ? GENERATED + generated() : clientSecret;
    }

    /** Whether the login was generated at this start rather than configured. */
    public boolean generatedLogin() {
        return password.startsWith(GENERATED) || clientSecret.startsWith(GENERATED);
    }

    private static String generated() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "SandboxProperties[enabled=" + enabled + ", accountId=" + accountId + ", siteId=" + siteId
                + ", peerId=" + peerId + ", username=" + username + ", password=******, clientId=" + clientId
                + ", clientSecret=******, orderDelay=" + orderDelay + ", reservationHold=" + reservationHold
                + ", seed=" + seed + ", maxOrders=" + maxOrders + "]";
    }
}
