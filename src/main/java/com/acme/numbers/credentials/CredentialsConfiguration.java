package com.acme.numbers.credentials;

import java.time.Clock;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.vault.authentication.ReactiveLifecycleAwareSessionManager;
import org.springframework.vault.core.ReactiveVaultTemplate;

/**
 * Picks the credential backend {@code gateway.credentials.backend} names. The application may wrap the vault it
 * builds (the sandbox serves its own account before asking the real backend).
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    @Bean
    CredentialVault credentialVault(CredentialsProperties credentials, Environment environment,
            ObjectProvider<ReactiveVaultTemplate> vaultTemplate, Clock clock,
            ObjectProvider<UnaryOperator<CredentialVault>> wrappers) {
        CredentialVault vault = switch (credentials.backend()) {
            case "vault" -> new VaultCredentialVault(vaultTemplate.getObject(), credentials.vault(), clock);
            case "file" -> new FileCredentialVault(require(credentials.file().directory(),
                    "gateway.credentials.file.directory"), credentials.file().cacheTtl(), clock);
            case "static" -> staticVault(credentials, environment);
            default -> throw new IllegalStateException("gateway.credentials.backend must be vault, file or static, "
                    + "not " + credentials.backend());
        };
        return wrappers.orderedStream().reduce(vault, (current, wrapper) -> wrapper.apply(current),
                (first, second) -> second);
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
}
