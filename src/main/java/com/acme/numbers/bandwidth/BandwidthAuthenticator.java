package com.acme.numbers.bandwidth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.core.codec.CodecException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

import com.acme.numbers.credentials.BandwidthCredentials.BasicCredentials;
import com.acme.numbers.credentials.BandwidthCredentials.ClientCredentials;
import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.credentials.CredentialsUnavailableException;
import com.acme.numbers.ordering.error.AccountNotFoundException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamUnavailableException;

/**
 * Produces the {@code Authorization} header for an account: Basic for legacy API users, or a bearer token from
 * the OAuth2 client-credentials flow, kept until shortly before it expires (by the gateway's clock) and fetched
 * once at a time per client. A kept token costs a map lookup and a clock read per call, and no operator.
 */
final class BandwidthAuthenticator {

    /** Renew this long before Bandwidth's expiry, as the official SDKs do. */
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);
    private static final long DEFAULT_EXPIRES_IN = 3600;
    private static final Duration CREDENTIALS_RETRY_AFTER = Duration.ofSeconds(5);

    private final CredentialVault vault;
    private final WebClient webClient;
    private final BandwidthEndpoints endpoints;
    private final LegacyApiUserReporter legacyUsers;
    private final Clock clock;
    /**
     * The last token per client id, with the credentials it was issued for: a rotated secret never reuses the old
     * token, and its new token replaces the old entry, so the map holds one entry per client.
     */
    private final Map<String, BearerToken> tokens = new ConcurrentHashMap<>();
    /** Fetches under way: callers that need a token at the same time share one request to the token endpoint. */
    private final Map<ClientCredentials, Mono<String>> fetches = new ConcurrentHashMap<>();

    BandwidthAuthenticator(CredentialVault vault, WebClient webClient, BandwidthEndpoints endpoints,
            LegacyApiUserReporter legacyUsers, Clock clock) {
        this.vault = vault;
        this.webClient = webClient;
        this.endpoints = endpoints;
        this.legacyUsers = legacyUsers;
        this.clock = clock;
    }

    /** @return the account's credentials; {@link AccountNotFoundException} when the gateway has none */
    private Mono<BandwidthCredentials> credentials(String accountId) {
        return vault.credentialsFor(accountId)
                .switchIfEmpty(Mono.error(() -> new AccountNotFoundException(accountId)))
                .onErrorMap(CredentialsUnavailableException.class, ex -> new UpstreamUnavailableException(
                        "The gateway cannot read its Bandwidth credentials right now", CREDENTIALS_RETRY_AFTER));
    }

    /**
     * Runs {@code call} with the account's credentials. When Bandwidth refuses them (they were rotated), reads them
     * again, forgets their token, and runs it exactly once more.
     */
    <T> Mono<T> withCredentials(String accountId, Function<BandwidthCredentials, Mono<T>> call) {
        return credentials(accountId).flatMap(credentials -> call.apply(credentials)
                .onErrorResume(BandwidthAuthRejectedException.class, rejected -> {
                    forget(accountId, credentials);
                    return credentials(accountId).flatMap(call);
                }));
    }

    /** After Bandwidth refused them: read the account's credentials again and fetch a new token next time. */
    private void forget(String accountId, BandwidthCredentials credentials) {
        vault.invalidate(accountId);
        if (credentials instanceof ClientCredentials client) {
            tokens.remove(client.clientId());
        } else {
            legacyUsers.refused(accountId);
        }
    }

    /** @return the {@code Authorization} value for these credentials, fetching a token when needed */
    Mono<String> header(String accountId, BandwidthCredentials credentials) {
        if (credentials instanceof BasicCredentials basic) {
            legacyUsers.used(accountId);
            return Mono.just(basic(basic.username(), basic.password().reveal()));
        }
        ClientCredentials client = (ClientCredentials) credentials;
        String kept = keptToken(client);
        // Deferred: a retry of the call asks again, so it joins a fetch under way and is not handed a failed one.
        return kept != null ? Mono.just(kept) : Mono.defer(() -> {
            String now = keptToken(client);
            return now != null ? Mono.just(now) : fetches.computeIfAbsent(client, this::fetch);
        });
    }

    private String keptToken(ClientCredentials client) {
        BearerToken token = tokens.get(client.clientId());
        return token != null && token.issuedFor().equals(client) && clock.instant().isBefore(token.renewAt())
                ? token.header() : null;
    }

    /** One request to the token endpoint, shared by the callers that wait for it; a failure is not kept. */
    private Mono<String> fetch(ClientCredentials client) {
        return requestToken(client)
                .map(response -> {
                    BearerToken token = new BearerToken(client, "Bearer " + response.accessToken(), clock.instant()
                            .plusSeconds(response.expiresInOrDefault()).minus(EARLY_RENEWAL));
                    tokens.put(client.clientId(), token);
                    return token.header();
                })
                // Before the outcome reaches anyone: a caller it wakes must not find this fetch again.
                .doOnTerminate(() -> fetches.remove(client))
                .cache();
    }

    private Mono<TokenResponse> requestToken(ClientCredentials client) {
        return webClient.post()
                .uri(endpoints.tokenUrl())
                .header("Authorization", basic(client.clientId(), client.clientSecret().reveal()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchangeToMono(BandwidthAuthenticator::tokenResponse)
                .filter(token -> token.accessToken() != null && !token.accessToken().isBlank())
                .switchIfEmpty(Mono.error(() -> new UpstreamFailureException("Bandwidth issued no access token")))
                .onErrorMap(WebClientRequestException.class,
                        ex -> new UpstreamFailureException("Bandwidth's token endpoint could not be reached"))
                .onErrorMap(CodecException.class,
                        ex -> new UpstreamFailureException("Bandwidth's token endpoint answered something unreadable"));
    }

    /** Only a JSON answer is read: a proxy's HTML page at the token endpoint is a failure, not an empty token. */
    private static Mono<TokenResponse> tokenResponse(ClientResponse response) {
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().then(Mono.error(new UpstreamFailureException(
                    "Bandwidth refused the gateway's OAuth2 client credentials")));
        }
        MediaType type = response.headers().contentType().orElse(null);
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return response.releaseBody().then(Mono.error(new UpstreamFailureException("Bandwidth's token endpoint "
                    + "answered HTTP " + response.statusCode().value() + " with " + BandwidthAnswers.shown(type)
                    + ", not JSON")));
        }
        return response.bodyToMono(TokenResponse.class);
    }

    private static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code Authorization} value for {@code issuedFor}, kept until {@code renewAt}, before Bandwidth's expiry. */
    private record BearerToken(ClientCredentials issuedFor, String header, Instant renewAt) {

        @Override
        public String toString() {
            return "BearerToken[clientId=" + issuedFor.clientId() + ", header=******, renewAt=" + renewAt + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {

        long expiresInOrDefault() {
            long seconds = expiresIn == null ? DEFAULT_EXPIRES_IN : expiresIn;
            return Math.max(seconds, EARLY_RENEWAL.toSeconds() + 1);
        }

        @Override
        public String toString() {
            return "TokenResponse[accessToken=******, expiresIn=" + expiresIn + "]";
        }
    }
}
