package com.acme.numbers.config;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.vault.authentication.ReactiveLifecycleAwareSessionManager;
import org.springframework.vault.core.ReactiveVaultTemplate;
import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.bandwidth.BandwidthProperties;
import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.credentials.CredentialsHealthIndicator;
import com.acme.numbers.credentials.CredentialsProperties;
import com.acme.numbers.credentials.FileCredentialVault;
import com.acme.numbers.credentials.Secret;
import com.acme.numbers.credentials.StaticCredentialVault;
import com.acme.numbers.credentials.VaultClientFactory;
import com.acme.numbers.credentials.VaultCredentialVault;
import com.acme.numbers.ordering.AccountDefaults;
import com.acme.numbers.ordering.NumberInventory;
import com.acme.numbers.ordering.NumberOrdering;
import com.acme.numbers.ordering.OrderingService;
import com.acme.numbers.sandbox.SandboxEnabledCondition;
import com.acme.numbers.sandbox.SandboxProperties;
import com.acme.numbers.web.ApiClient;
import com.acme.numbers.web.ApiClients;
import com.acme.numbers.web.ClientsProperties;

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
            Environment environment, ObjectProvider<ReactiveVaultTemplate> vaultTemplate, Clock clock) {
        CredentialVault vault = switch (credentials.backend()) {
            case "vault" -> new VaultCredentialVault(vaultTemplate.getObject(), credentials.vault(), clock);
            case "file" -> new FileCredentialVault(require(credentials.file().directory(),
                    "gateway.credentials.file.directory"), credentials.file().cacheTtl(), clock);
            case "static" -> staticVault(credentials, environment);
            default -> throw new IllegalStateException("gateway.credentials.backend must be vault, file or static, "
                    + "not " + credentials.backend());
        };
        if (SandboxEnabledCondition.isEnabled(environment)) {
            // The sandbox account is served with the sandbox's own client, whatever backend holds the real ones.
            StaticCredentialVault sandboxAccount = new StaticCredentialVault(Map.of(sandbox.accountId(),
                    new BandwidthCredentials.ClientCredentials(sandbox.clientId(), Secret.of(sandbox.clientSecret()))));
            CredentialVault real = vault;
            return new CredentialVault() {
                @Override
                public Mono<BandwidthCredentials> credentialsFor(String accountId) {
                    return sandboxAccount.credentialsFor(accountId)
                            .switchIfEmpty(Mono.defer(() -> real.credentialsFor(accountId)));
                }

                @Override
                public void invalidate(String accountId) {
                    real.invalidate(accountId);
                }
            };
        }
        return vault;
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.credentials.backend", havingValue = "vault")
    ReactiveVaultTemplate vaultTemplate(CredentialsProperties credentials,
            ReactiveLifecycleAwareSessionManager vaultSessions) {
        return VaultClientFactory.template(credentials.vault(), vaultSessions);
    }

    /** A bean so that shutting down revokes the gateway's Vault login token. */
    @Bean
    @ConditionalOnProperty(name = "gateway.credentials.backend", havingValue = "vault")
    ReactiveLifecycleAwareSessionManager vaultSessions(CredentialsProperties credentials) {
        return VaultClientFactory.sessions(credentials.vault());
    }

    @Bean
    CredentialsHealthIndicator credentialsHealthIndicator(CredentialsProperties credentials,
            ObjectProvider<ReactiveVaultTemplate> vaultTemplate) {
        return new CredentialsHealthIndicator(vaultTemplate.getIfAvailable(), credentials.backend());
    }

    /** Credentials in configuration are for development: the production profile refuses them at startup. */
    private static StaticCredentialVault staticVault(CredentialsProperties credentials, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("gateway.credentials.backend=static is refused under the production "
                    + "profile: keep Bandwidth credentials in Vault (backend vault) or a mounted Secret (backend file)");
        }
        return StaticCredentialVault.from(credentials);
    }

    private static <T> T require(T value, String property) {
        if (value == null) {
            throw new IllegalStateException(property + " is required");
        }
        return value;
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
                new ApiClient(c.name(), c.accounts(), c.scopes(), c.requestsPerSecond(), c.maxOrderQuantity())));
        if (clients.isEmpty() && SandboxEnabledCondition.isEnabled(environment)) {
            clients.put(ApiClients.sha256(SANDBOX_API_KEY),
                    ApiClient.developer("sandbox-developer", Set.of(sandbox.accountId())));
        }
        return new ApiClients(clients);
    }

    /** The sandbox is served by this very process, on the port it listens on (known only once it listens). */
    private static String localRoot(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }
}
