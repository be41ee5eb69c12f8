package com.acme.numbers.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** The outbound trace context and client span, with a real OpenTelemetry SDK tracer and W3C propagator. */
class TraceContextPropagationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final io.opentelemetry.api.trace.Tracer otel = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(exported))).build().get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final TraceContextPropagation propagation = new TraceContextPropagation(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
    private final AtomicReference<ClientRequest> sent = new AtomicReference<>();
    private final ExchangeFunction bandwidth = request -> {
        sent.set(request);
        return Mono.just(ClientResponse.create(HttpStatus.OK).build());
    };

    @Test
    void aSampledCallerGetsAClientSpanWhoseIdTravelsToBandwidth() {
        call(parent(true));

        assertThat(exported).singleElement().satisfies(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(span.getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
            assertThat(span.getName()).isEqualTo("bandwidth get");
            assertThat(span.getAttributes().asMap().toString()).contains("http.response.status_code=200");
            assertThat(traceparent()).isEqualTo("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
        });
    }

    @Test
    void anUnsampledCallerPassesItsContextOnWithoutASpan() {
        call(parent(false));

        assertThat(exported).isEmpty();
        assertThat(traceparent()).isEqualTo("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-00");
    }

    @Test
    void aRetriedRequestCarriesOneTraceparent() {
        WebClient client = WebClient.builder().filter(propagation).exchangeFunction(bandwidth).build();
        WebClient.RequestHeadersSpec<?> request = client.get().uri(URI.create("http://127.0.0.1/api/accounts/1/x"));

        propagation.continueTrace(request, parent(false));
        propagation.continueTrace(request, parent(false)).retrieve().toBodilessEntity().block();

        assertThat(sent.get().headers().get("traceparent")).singleElement()
                .isEqualTo("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-00");
    }

    @Test
    void withoutAnInboundTraceTheRequestIsSentUnchanged() {
        call(null);

        assertThat(exported).isEmpty();
        assertThat(sent.get().headers().containsHeader("traceparent")).isFalse();
    }

    @Test
    void theCallersTraceIsTheSpanOfTheObservationInTheReactorContext() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        Observation inbound = Observation.start("http.server.requests", registry);

        TraceContext caller = TraceContextPropagation.callerTrace(Context.of(ObservationThreadLocalAccessor.KEY,
                inbound));
        inbound.stop();

        assertThat(caller).isNotNull();
        assertThat(caller.spanId()).isEqualTo(exported.get(0).getSpanId());
    }

    @Test
    void noObservationOrOneWithoutASpanGivesNoCallerTrace() {
        assertThat(TraceContextPropagation.callerTrace(Context.empty())).isNull();
        assertThat(TraceContextPropagation.callerTrace(Context.of(ObservationThreadLocalAccessor.KEY,
                Observation.NOOP))).isNull();
    }

    /** The adapter's way: the trace continued while the request is built, then sent through the filter. */
    private void call(TraceContext caller) {
        WebClient client = WebClient.builder().filter(propagation).exchangeFunction(bandwidth).build();
        propagation.continueTrace(client.get().uri(URI.create("http://127.0.0.1/api/accounts/1/orders/2")), caller)
                .retrieve().toBodilessEntity().block();
    }

    private TraceContext parent(boolean sampled) {
        return tracer.traceContextBuilder().traceId(TRACE_ID).spanId(PARENT_SPAN_ID).sampled(sampled).build();
    }

    private String traceparent() {
        return sent.get().headers().getFirst("traceparent");
    }


    private record Collecting(List<SpanData> spans) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
