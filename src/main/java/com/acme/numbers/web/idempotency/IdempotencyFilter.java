package com.acme.numbers.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.idempotency.IdempotencyKeys;
import com.acme.numbers.idempotency.IdempotencyProperties;
import com.acme.numbers.idempotency.IdempotencyStore.Claim;
import com.acme.numbers.idempotency.IdempotencyStore.StoredResponse;
import com.acme.numbers.idempotency.IdempotencyStore;
import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.web.problem.ProblemCode;
import com.acme.numbers.web.problem.ProblemWriter;
import com.acme.numbers.web.problem.Problems;
import com.acme.numbers.web.security.ApiClient;
import com.acme.numbers.web.security.ApiClients;
import com.acme.numbers.web.server.NamedWebFilter;

/**
 * {@code Idempotency-Key} on every POST under {@code /api} (IETF draft, Stripe's semantics): the same key with
 * the same request replays the stored answer ({@code Idempotent-Replayed: true}); with another request it is 422;
 * while the first is in flight, 409 with Retry-After. Keys are scoped per client. Answers whose outcome is unknown
 * (5xx) are not stored, so a retry may go through, and the store failing fails the request closed (503).
 * <p>
 * Just over 200 lines on purpose: a claimed key must be completed or released on every path (replay, mismatch,
 * in flight, 4xx, 5xx, error, cancel), and keeping those paths in one class is what lets a reader check that.
 */
@Component
@Order(1)
public class IdempotencyFilter extends NamedWebFilter {

    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemWriter problems;
    private final int maxBody;
    private final JsonMapper canonical;

    IdempotencyFilter(IdempotencyStore store, IdempotencyProperties properties, ProblemWriter problems,
            @Value("${spring.codec.max-in-memory-size:1MB}") DataSize maxBody, JsonMapper json) {
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        this.store = store;
        this.properties = properties;
        this.problems = problems;
        this.maxBody = (int) maxBody.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!HttpMethod.POST.equals(request.getMethod()) || !path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        List<String> keys = request.getHeaders().getOrEmpty(IdempotencyKeys.HEADER);
        if (keys.size() > 1) {
            return invalidKey(exchange, "is given more than once");
        }
        String key = keys.isEmpty() ? null : keys.get(0);
        if (key == null) {
            return properties.requiredForOrders() && path.endsWith("/orders")
                    ? invalidKey(exchange, "is required for orders") : chain.filter(exchange);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return invalidKey(exchange, "must be 1 to 255 visible ASCII characters");
        }
        ApiClient client = exchange.getAttribute(ApiClient.ATTRIBUTE);
        String scopedKey = IdempotencyKeys.scoped(client == null ? null : client.name(), key);
        return DataBufferUtils.join(request.getBody(), maxBody)
                .map(CapturingResponse::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> claim(exchange, chain, scopedKey, body))
                .onErrorResume(DataBufferLimitException.class,
                        ex -> problems.write(exchange, ProblemCode.PAYLOAD_TOO_LARGE, "The request body is too large."));
    }

    private Mono<Void> claim(ServerWebExchange exchange, WebFilterChain chain, String key, byte[] body) {
        String fingerprint = fingerprint(exchange.getRequest(), body);
        return store.claim(key, fingerprint)
                .map(Optional::of)
                // fail closed: without the store nobody can tell a retry from a new request
                .onErrorResume(ex -> Mono.just(Optional.empty()))
                .flatMap(claim -> claim.isEmpty() ? unavailable(exchange) : respond(exchange, chain, key, body,
                        claim.get()));
    }

    private Mono<Void> respond(ServerWebExchange exchange, WebFilterChain chain, String key, byte[] body,
            Claim claim) {
        if (claim instanceof Claim.Completed completed) {
            return replay(exchange, completed.response());
        }
        if (claim instanceof Claim.InFlight inFlight) {
            return problems.write(exchange, ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being processed; retry shortly.",
                    inFlight.retryAfter());
        }
        if (claim instanceof Claim.Mismatch) {
            return problems.write(exchange, ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request.");
        }
        return proceed(exchange, chain, key, body);
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        return problems.write(exchange, ProblemCode.IDEMPOTENCY_UNAVAILABLE,
                "Idempotency keys cannot be checked right now, so nothing was done. Retry later.",
                Duration.ofSeconds(1));
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String key, byte[] body) {
        CapturingResponse response = new CapturingResponse(exchange.getResponse(),
                captured -> finish(key, captured));
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return chain.filter(exchange.mutate().request(request).response(response).build())
                .onErrorResume(ex -> store.release(key).then(Mono.error(ex)))
                .doOnCancel(() -> store.release(key).subscribe());
    }

    /**
     * Stores final answers before they are sent, so a retry that follows at once already finds them; releases the
     * key when the outcome is unknown or worth retrying (5xx, 409, 429), and when the request was refused before it
     * did anything (400): like Stripe, a request that failed validation leaves no result behind, so the caller can
     * correct it and send it again with the same key.
     */
    private Mono<Void> finish(String key, CapturingResponse response) {
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
        if (status >= 500 || status == 400 || status == 409 || status == 429) {
            return store.release(key);
        }
        HttpHeaders headers = response.getHeaders();
        MediaType type = headers.getContentType();
        String location = headers.getLocation() == null ? null : headers.getLocation().toString();
        return store.complete(key, new StoredResponse(status, type == null ? null : type.toString(), location,
                response.captured()));
    }

    private static Mono<Void> replay(ServerWebExchange exchange, StoredResponse stored) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(stored.status()));
        HttpHeaders headers = response.getHeaders();
        headers.set(REPLAYED, "true");
        if (stored.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        if (stored.location() != null) {
            headers.set(HttpHeaders.LOCATION, stored.location());
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(stored.body())));
    }

    private Mono<Void> invalidKey(ServerWebExchange exchange, String message) {
        String header = IdempotencyKeys.HEADER;
        return problems.write(exchange, Problems.withErrors(Problems.of(ProblemCode.VALIDATION_FAILED,
                header + " " + message + ".", exchange), List.of(new FieldProblem(header, message))));
    }

    /**
     * What "the same request" means: method, path and the body's JSON value, so key order and whitespace do not
     * matter. A body that is not JSON is taken byte for byte (it is refused further on anyway).
     */
    private String fingerprint(ServerHttpRequest request, byte[] body) {
        return ApiClients.sha256((request.getMethod() + " " + request.getPath().value() + "\n")
                .getBytes(StandardCharsets.UTF_8), canonicalJson(body));
    }

    private byte[] canonicalJson(byte[] body) {
        try {
            return canonical.writeValueAsBytes(canonical.readValue(body, Object.class));
        }
        catch (JacksonException | IllegalArgumentException notJson) {
            return body;
        }
    }
}
