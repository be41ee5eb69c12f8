package com.acme.numbers.bandwidth;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.guard.BandwidthUnavailableException;
import com.acme.numbers.bandwidth.guard.UpstreamGuard;
import com.acme.numbers.bandwidth.guard.UpstreamOperation;
import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;

/**
 * Thin WebClient wrapper: resolves the URL under the configured base, authenticates, sends and receives XML as
 * text, and sends every non-2xx answer through {@link BandwidthErrorTranslator}.
 */
final class BandwidthClient {

    private static final MediaType XML = MediaType.APPLICATION_XML;

    private final WebClient webClient;
    private final BandwidthEndpoints endpoints;
    private final BandwidthAuthenticator authenticator;
    private final BandwidthErrorTranslator translator;
    private final UpstreamGuard guard;
    private final TraceContextPropagation traceContext;

    BandwidthClient(WebClient webClient, BandwidthEndpoints endpoints, BandwidthAuthenticator authenticator,
            BandwidthErrorTranslator translator, UpstreamGuard guard, TraceContextPropagation traceContext) {
        this.guard = guard;
        this.traceContext = traceContext;
        this.webClient = webClient;
        this.endpoints = endpoints;
        this.authenticator = authenticator;
        this.translator = translator;
    }

    /**
     * One call. {@code pathSegments} are encoded one by one, so no caller value can change the host or the path
     * structure.
     */
    Mono<UpstreamResponse> exchange(String accountId, UpstreamOperation operation, MultiValueMap<String, String> query,
            Object body, String... pathSegments) {
        URI uri = uri(query, pathSegments);
        // Unknown accounts fail before the guard; the token fetch is inside it, so an open breaker calls nothing.
        return authenticator.withCredentials(accountId,
                credentials -> guarded(accountId, operation, credentials, uri, body));
    }

    private Mono<UpstreamResponse> guarded(String accountId, UpstreamOperation operation, BandwidthCredentials credentials,
            URI uri, Object body) {
        return guard.guard(accountId, operation, authenticator.header(accountId, credentials)
                .flatMap(authorization -> attempt(operation, uri, authorization, body)));
    }

    /** One attempt; the guard may subscribe to it more than once (retries of safe calls). */
    private Mono<UpstreamResponse> attempt(UpstreamOperation operation, URI uri, String authorization, Object body) {
        return send(operation, uri, authorization, body)
                .onErrorMap(ex -> transportFailure(ex, operation.description()));
    }

    /** Transport failures in the port's terms; Bandwidth's own answers were translated already and pass as they are. */
    private static Throwable transportFailure(Throwable ex, String what) {
        if (ex instanceof WebClientRequestException requestFailure) {
            return mapRequestFailure(requestFailure, what);
        }
        if (ex instanceof TimeoutException || ex instanceof ReadTimeoutException) {
            return timeout(what);
        }
        if (ex instanceof DataBufferLimitException) {
            return new UpstreamFailureException("Bandwidth's answer to " + what + " is too large");
        }
        return ex;
    }

    private Mono<UpstreamResponse> send(UpstreamOperation operation, URI uri, String authorization, Object body) {
        WebClient.RequestBodySpec request = webClient.method(operation.method())
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .accept(XML);
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request
                : request.contentType(XML).bodyValue(BandwidthXml.write(body));
        return Mono.deferContextual(context -> traceContext
                .continueTrace(withBody, TraceContextPropagation.callerTrace(context))
                .exchangeToMono(response -> read(response, operation)));
    }

    /*
     * Only failures go through handle(), which restores the request id into the MDC for the translator's log lines
     * (context propagation is "limited": restoring it around every operator is the single largest cost a request
     * could pay). A success has nothing to log, so it pays no restore. Every answer must first
     * be Bandwidth's ({@link BandwidthAnswers}): a proxy's page is never read as a result or as a rejection.
     */
    private Mono<UpstreamResponse> read(ClientResponse response, UpstreamOperation operation) {
        int status = response.statusCode().value();
        HttpHeaders headers = response.headers().asHttpHeaders();
        Mono<String> body = response.bodyToMono(String.class).defaultIfEmpty("");
        if (status >= 200 && status < 300) {
            return body.map(text -> new UpstreamResponse(headers,
                    BandwidthAnswers.successBody(operation, status, headers, text)));
        }
        return body.handle((text, sink) -> sink.error(failure(operation, status, headers, text)));
    }

    /* 401, 403 and 429 are about the gateway's credentials or pace, whoever answers; other 4xx must be Bandwidth's. */
    private RuntimeException failure(UpstreamOperation operation, int status, HttpHeaders headers, String body) {
        boolean mayBeMisread = status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
        RuntimeException foreign = mayBeMisread ? BandwidthAnswers.foreignError(operation, status, headers, body)
                : null;
        return foreign != null ? foreign : translator.translate(status, headers, body, operation.description());
    }

    /*
     * Built as text with each path segment, query name and query value percent-encoded on its own (UriUtils, the
     * component rules UriComponentsBuilder applies): a caller value cannot add a segment, a parameter or a fragment.
     */
    private URI uri(MultiValueMap<String, String> query, String... pathSegments) {
        String base = endpoints.baseUrl().toString();
        StringBuilder uri = new StringBuilder(128).append(base, 0, base.length() - (base.endsWith("/") ? 1 : 0));
        for (String segment : pathSegments) {
            if (StringUtils.hasText(segment)) {
                uri.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
            }
        }
        if (query != null) {
            appendQuery(uri, query);
        }
        return URI.create(uri.toString());
    }

    private static void appendQuery(StringBuilder uri, MultiValueMap<String, String> query) {
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8);
            for (String value : parameter.getValue()) {
                uri.append(separator).append(name);
                if (value != null) {
                    uri.append('=').append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
                }
                separator = '&';
            }
        }
    }

    private static RuntimeException mapRequestFailure(WebClientRequestException ex, String what) {
        Throwable cause = ex.getCause();
        if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
            return timeout(what);
        }
        // Only a refused connection proves that nothing was sent; a reset may come after Bandwidth read the request.
        return new BandwidthUnavailableException("Bandwidth could not be reached for " + what,
                !(cause instanceof ConnectException));
    }

    private static UpstreamTimeoutException timeout(String what) {
        return new UpstreamTimeoutException("Bandwidth did not answer in time for " + what);
    }
}
