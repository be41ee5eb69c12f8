package com.acme.numbers;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.bandwidth.CallbacksProperties;
import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.credentials.Secret;
import com.acme.numbers.credentials.StaticCredentialVault;
import com.acme.numbers.ordering.AccountsProperties;
import com.acme.numbers.sandbox.SandboxEnabledCondition;
import com.acme.numbers.sandbox.SandboxProperties;
import com.acme.numbers.web.security.ApiClient;
import com.acme.numbers.web.security.ApiClients;

/**
 * The one place that knows both the sandbox and the rooms it stands in for, so neither has to know the other: when
 * the sandbox is on, Bandwidth is this very process, the sandbox account has its defaults and its own client
 * credentials (whatever backend holds the real ones), and with no client configured a development key works.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxEnabledCondition.class)
class SandboxWiring {

    /** The development key that works when no client is configured and the sandbox is on (see README). */
    static final String SANDBOX_API_KEY = "sandbox-dev-key";

    @Bean
    UnaryOperator<BandwidthEndpoints> sandboxUpstream(Environment environment) {
        return configured -> new BandwidthEndpoints() {
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
    UnaryOperator<AccountsProperties> sandboxAccountDefaults(SandboxProperties sandbox) {
        return configured -> configured.withDefault(sandbox.accountId(),
                new AccountsProperties.Account(sandbox.siteId(), sandbox.peerId()));
    }

    /**
     * The sandbox account's client, and a callback login generated at each start (the sandbox's subscriptions carry
     * it back, as Bandwidth's do).
     */
    @Bean
    UnaryOperator<CredentialVault> sandboxCredentials(SandboxProperties sandbox) {
        StaticCredentialVault sandboxAccount = new StaticCredentialVault(Map.of(
                sandbox.accountId(), new BandwidthCredentials.ClientCredentials(sandbox.clientId(),
                        Secret.of(sandbox.clientSecret())),
                CallbacksProperties.LOGIN_ENTRY, new BandwidthCredentials.BasicCredentials("sandbox-callbacks",
                        Secret.of(generated()))));
        return real -> real.after(sandboxAccount);
    }

    /** Bandwidth's notifications go to this very process unless a public URL is configured. */
    @Bean
    UnaryOperator<CallbacksProperties> sandboxCallbacks(Environment environment) {
        return configured -> configured.publicUrl() != null ? configured
                : configured.withPublicUrl(URI.create(localRoot(environment)));
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Bean
    UnaryOperator<ApiClients> sandboxDeveloperKey(SandboxProperties sandbox) {
        return configured -> configured.orIfNone(SANDBOX_API_KEY,
                ApiClient.developer("sandbox-developer", Set.of(sandbox.accountId())));
    }

    /** The sandbox is served by this very process, on the port it listens on (known only once it listens). */
    private static String localRoot(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }
}
