package com.acme.numbers.sandbox.faults;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Applies the configured faults before the sandbox answers; latency is a timer, never a blocked thread. */
public final class SandboxFaultFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final SandboxFaults faults;
    private final Clock clock;

    public SandboxFaultFilter(SandboxFaults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        SandboxFaults.Settings settings = faults.current();
        Mono<ServerResponse> answer = Mono.defer(() -> answer(request, next, settings));
        return settings.latency().isZero() ? answer : Mono.delay(settings.latency()).then(answer);
    }

    private Mono<ServerResponse> answer(ServerRequest request, HandlerFunction<ServerResponse> next,
            SandboxFaults.Settings settings) {
        if (faults.rateLimited(clock.instant())) {
            return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("X-RateLimit-Reset", Long.toString(settings.rateLimitedUntil().getEpochSecond())).build();
        }
        if (faults.failsThisCall()) {
            return ServerResponse.status(settings.failureStatus()).build();
        }
        if (settings.malformedBody()) {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_XML).bodyValue("<SearchResult><ResultCount>");
        }
        return next.handle(request);
    }
}
