package com.acme.numbers.web;

import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem body from a WebFilter, where controller advice does not reach. */
@Component
class ProblemWriter {

    private final HttpMessageWriter<Object> writer;

    @SuppressWarnings("unchecked")
    ProblemWriter(ServerCodecConfigurer codecs) {
        this.writer = (HttpMessageWriter<Object>) codecs.getWriters().stream()
                .filter(w -> w.canWrite(ResolvableType.forClass(ProblemDetail.class), MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JSON writer for problem details"));
    }

    Mono<Void> write(ServerWebExchange exchange, ProblemCode code, String detail) {
        ProblemDetail problem = Problems.of(code, detail, exchange);
        exchange.getResponse().setStatusCode(code.status());
        return writer.write(Mono.just(problem), ResolvableType.forClass(ProblemDetail.class),
                MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), Map.of());
    }
}
