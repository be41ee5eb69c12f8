package com.acme.numbers.credentials;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where Bandwidth credentials come from.
 *
 * @param backend {@code static} (development: from configuration); vault backends come later
 * @param staticAccounts credentials per account id for the {@code static} backend
 */
@ConfigurationProperties("gateway.credentials")
public record CredentialsProperties(
        @DefaultValue("static") String backend,
        @Name("static") Map<String, StaticAccount> staticAccounts) {

    public CredentialsProperties {
        staticAccounts = staticAccounts == null ? Map.of() : Map.copyOf(staticAccounts);
    }

    /**
     * One account's credentials: either the OAuth2 client pair or the legacy username and password.
     *
     * @param clientId OAuth2 client id
     * @param clientSecret OAuth2 client secret
     * @param username legacy API user
     * @param password legacy API user's password
     */
    public record StaticAccount(String clientId, String clientSecret, String username, String password) {

        BandwidthCredentials toCredentials(String accountId) {
            if (clientId != null && clientSecret != null) {
                return new BandwidthCredentials.ClientCredentials(clientId, Secret.of(clientSecret));
            }
            if (username != null && password != null) {
                return new BandwidthCredentials.BasicCredentials(username, Secret.of(password));
            }
            throw new IllegalStateException("gateway.credentials.static." + accountId
                    + " needs client-id and client-secret, or username and password");
        }

        @Override
        public String toString() {
            return "StaticAccount[clientId=" + clientId + ", clientSecret=******, username=" + username
                    + ", password=******]";
        }
    }
}
