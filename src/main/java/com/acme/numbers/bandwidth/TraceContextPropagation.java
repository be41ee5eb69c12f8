package com.acme.numbers.bandwidth;

import java.util.Locale;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Sends the caller's W3C trace context to Bandwidth, continuing the trace of the inbound request. The caller's trace
 * is the span of the observation in the Reactor context where the adapter's call starts (WebFlux's HTTP server
 * observation; inside WebClient the context holds WebClient's own, switched-off observation instead). An unsampled
 * trace is passed on as it is, set on the request while it is built; a sampled one gets a client span per upstream
 * call from this filter, so trace viewers still show how long Bandwidth took. This replaces WebClient's generic
 * client observation, whose timer duplicated {@code bandwidth.requests} and which cost CPU on every call, sampled
 * or not.
 */
final class TraceContextPropagation implements ExchangeFilterFunction {

    /** The request attribute that hands a sampled caller trace to the filter. */
    static final String SAMPLED_CALLER = TraceContextPropagation.class.getName() + ".sampledCaller";

    private static final Propagator.Setter<ClientRequest.Builder> HEADER = (request, name, value) -> request
            .headers(headers -> headers.set(name, value));
    /** Sets rather than adds: a retried call continues the trace on the same request spec again. */
    private static final Propagator.Setter<WebClient.RequestHeadersSpec<?>> SPEC_HEADER = (request, name, value) ->
            request.headers(headers -> headers.set(name, value));

    private final Tracer tracer;
    private final Propagator propagator;

    TraceContextPropagation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Without tracing: calls pass unchanged. */
    static TraceContextPropagation off() {
        return new TraceContextPropagation(Tracer.NOOP, Propagator.NOOP);
    }

    /** The span context of the observation in {@code context}, or null when there is none or it has no span. */
    static TraceContext callerTrace(ContextView context) {
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        TracingObservationHandler.TracingContext tracing = observation == null ? null
                : observation.getContext().get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span == null ? null : span.context();
    }

    /**
     * Continues {@code caller} (may be null) on a request being built: an unsampled trace as a header right away
     * (no copy of the request later), a sampled one through {@link #SAMPLED_CALLER} for the filter's client span.
     */
    WebClient.RequestHeadersSpec<?> continueTrace(WebClient.RequestHeadersSpec<?> request, TraceContext caller) {
        if (caller == null) {
            return request;
        }
        if (Boolean.TRUE.equals(caller.sampled())) {
            return request.attribute(SAMPLED_CALLER, caller);
        }
        propagator.inject(caller, request, SPEC_HEADER);
        return request;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        TraceContext parent = (TraceContext) request.attribute(SAMPLED_CALLER).orElse(null);
        if (parent == null) {
            return next.exchange(request);
        }
        return Mono.defer(() -> {
            Span span = tracer.spanBuilder().setParent(parent).kind(Span.Kind.CLIENT)
                    .name("bandwidth " + request.method().name().toLowerCase(Locale.ROOT))
                    .remoteServiceName("bandwidth").start();
            return next.exchange(carrying(request, span.context()))
                    .doOnNext(response -> span.tag("http.response.status_code", response.statusCode().value()))
                    .doOnError(span::error)
                    .doFinally(signal -> span.end());
        });
    }

    private ClientRequest carrying(ClientRequest request, TraceContext trace) {
        ClientRequest.Builder builder = ClientRequest.from(request);
        propagator.inject(trace, builder, HEADER);
        return builder.build();
    }
}
