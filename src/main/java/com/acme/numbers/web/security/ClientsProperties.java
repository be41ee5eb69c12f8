package com.acme.numbers.web.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The API's callers ({@code gateway.clients[i]}).
 *
 * @param clients each client's name, key hash, accounts and scopes
 */
@ConfigurationProperties("gateway")
public record ClientsProperties(@Name("clients") List<Client> clients) {

    public ClientsProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * @param name the client's name
     * @param apiKeySha256 hex SHA-256 of the client's API key
     * @param accounts Bandwidth account ids the client may use
     * @param scopes {@code numbers:read}, {@code numbers:write}, {@code sandbox:admin}
     * @param requestsPerSecond requests per second this client may make (429 beyond)
     * @param maxOrderQuantity most numbers one order of this client may buy
     */
    public record Client(String name, String apiKeySha256, Set<String> accounts, Set<String> scopes,
            @DefaultValue("20") int requestsPerSecond, @DefaultValue("100") int maxOrderQuantity) {

        public Client {
            accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }
    }
}
