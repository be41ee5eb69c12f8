package com.acme.numbers.web.problem;

import java.time.Duration;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a problem body without content negotiation: from a WebFilter, where controller advice does not reach, and
 * from the advice when the Accept header cannot be parsed.
 */
@Component
public class ProblemWriter {

    private final HttpMessageWriter<Object> writer;

    @SuppressWarnings("unchecked")
    public ProblemWriter(ServerCodecConfigurer codecs) {
        this.writer = (HttpMessageWriter<Object>) codecs.getWriters().stream()
                .filter(w -> w.canWrite(ResolvableType.forClass(ProblemDetail.class), MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JSON writer for problem details"));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemCode code, String detail) {
        return write(exchange, Problems.of(code, detail, exchange));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemCode code, String detail, Duration retryAfter) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, retryAfter.toSeconds())));
        return write(exchange, code, detail);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        return writer.write(Mono.just(problem), ResolvableType.forClass(ProblemDetail.class),
                MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), Map.of());
    }
}
