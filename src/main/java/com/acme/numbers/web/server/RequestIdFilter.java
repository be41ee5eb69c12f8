package com.acme.numbers.web.server;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Accepts the caller's {@code X-Request-Id} (when it is sane) or makes one, and echoes it on every response. Puts
 * the request id into the Reactor context, where the Bandwidth adapter's log lines find it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends NamedWebFilter {

    public static final String HEADER = "X-Request-Id";
    /** MDC key and Reactor context key of the request id; log patterns print it as %X{requestId}. */
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    RequestIdFilter() {
        // Reactor restores it into the MDC in handle() and tap() (propagation "limited"), where the adapter logs.
        ContextRegistry.getInstance().registerThreadLocalAccessor(MDC_KEY, () -> MDC.get(MDC_KEY),
                value -> MDC.put(MDC_KEY, value), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = given != null && SAFE.matcher(given).matches() ? given : newRequestId();
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        // One entry only: WebFlux, WebClient and Reactor Netty write several more per request, and each write that
        // makes a context of four or five entries builds strings for Reactor's key checks (~4 % of allocation).
        return chain.filter(exchange).contextWrite(Context.of(MDC_KEY, requestId));
    }

    /**
     * A random version-4 UUID from {@link ThreadLocalRandom}: request ids must be unique, not unguessable, and
     * {@code UUID.randomUUID()} serialises every request on SecureRandom's lock.
     */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String requestId(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : "none";
    }
}
