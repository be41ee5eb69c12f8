package com.acme.numbers.config;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.bandwidth.BandwidthProperties;
import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.credentials.CredentialsProperties;
import com.acme.numbers.credentials.Secret;
import com.acme.numbers.credentials.StaticCredentialVault;
import com.acme.numbers.idempotency.InMemoryIdempotencyStore;
import com.acme.numbers.ordering.AccountDefaults;
import com.acme.numbers.ordering.IdempotencyStore;
import com.acme.numbers.ordering.NumberInventory;
import com.acme.numbers.ordering.NumberOrdering;
import com.acme.numbers.ordering.OrderingService;
import com.acme.numbers.sandbox.SandboxEnabledCondition;
import com.acme.numbers.sandbox.SandboxProperties;
import com.acme.numbers.web.ApiClient;
import com.acme.numbers.web.ApiClients;
import com.acme.numbers.web.ClientsProperties;
import com.acme.numbers.web.IdempotencyProperties;

/**
 * Wires the rooms together. In sandbox mode the upstream, the credentials, the account defaults and a
 * development API key all point at the embedded sandbox, so no configuration is needed.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** The development key that works when no client is configured and the sandbox is on (see README). */
    static final String SANDBOX_API_KEY = "sandbox-dev-key";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OrderingService orderingService(NumberInventory inventory, NumberOrdering ordering, AccountDefaults defaults,
            Clock clock) {
        return new OrderingService(inventory, ordering, defaults, clock);
    }

    @Bean
    IdempotencyStore idempotencyStore(IdempotencyProperties properties, Clock clock) {
        return new InMemoryIdempotencyStore(clock, properties.retention(), properties.maxKeys());
    }

    @Bean
    AccountDefaults accountDefaults(AccountsProperties accounts, SandboxProperties sandbox, Environment environment) {
        Map<String, AccountsProperties.Account> all = new HashMap<>(accounts.accounts());
        if (SandboxEnabledCondition.isEnabled(environment)) {
            all.putIfAbsent(sandbox.accountId(), new AccountsProperties.Account(sandbox.siteId(), sandbox.peerId()));
        }
        return new AccountDefaults() {
            @Override
            public Optional<String> siteId(String accountId) {
                return Optional.ofNullable(all.get(accountId)).map(AccountsProperties.Account::defaultSiteId);
            }

            @Override
            public Optional<String> peerId(String accountId) {
                return Optional.ofNullable(all.get(accountId)).map(AccountsProperties.Account::defaultPeerId);
            }
        };
    }

    @Bean
    CredentialVault credentialVault(CredentialsProperties credentials, SandboxProperties sandbox,
            Environment environment) {
        if (!"static".equals(credentials.backend())) {
            throw new IllegalStateException("gateway.credentials.backend=" + credentials.backend()
                    + " is not supported; use static");
        }
        StaticCredentialVault vault = StaticCredentialVault.from(credentials);
        if (SandboxEnabledCondition.isEnabled(environment)) {
            vault = vault.with(sandbox.accountId(), new BandwidthCredentials.ClientCredentials(sandbox.clientId(),
                    Secret.of(sandbox.clientSecret())));
        }
        return vault;
    }

    @Bean
    BandwidthEndpoints bandwidthEndpoints(BandwidthProperties properties, Environment environment) {
        if (!SandboxEnabledCondition.isEnabled(environment)) {
            return BandwidthEndpoints.of(properties);
        }
        return new BandwidthEndpoints() {
            @Override
            public URI baseUrl() {
                return URI.create(localRoot(environment) + SandboxProperties.API_PATH);
            }

            @Override
            public URI tokenUrl() {
                return URI.create(localRoot(environment) + SandboxProperties.API_PATH + "/v1/oauth2/token");
            }
        };
    }

    @Bean
    ApiClients apiClients(ClientsProperties properties, SandboxProperties sandbox, Environment environment) {
        Map<String, ApiClient> clients = new HashMap<>();
        properties.clients().forEach(c -> clients.put(c.apiKeySha256().toLowerCase(Locale.ROOT),
                new ApiClient(c.name(), c.accounts(), c.scopes())));
        if (clients.isEmpty() && SandboxEnabledCondition.isEnabled(environment)) {
            clients.put(ApiClients.sha256(SANDBOX_API_KEY), new ApiClient("sandbox-developer",
                    Set.of(sandbox.accountId()), Set.of(ApiClient.READ, ApiClient.WRITE)));
        }
        return new ApiClients(clients);
    }

    /** The sandbox is served by this very process, on the port it listens on (known only once it listens). */
    private static String localRoot(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }
}
