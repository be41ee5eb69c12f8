package com.acme.numbers.bandwidth;

import java.time.Clock;
import java.util.function.UnaryOperator;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.acme.numbers.bandwidth.guard.BandwidthHealthIndicator;
import com.acme.numbers.bandwidth.guard.ResilienceProperties;
import com.acme.numbers.bandwidth.guard.ResilienceSettingsGuard;
import com.acme.numbers.bandwidth.guard.SharedThrottles;
import com.acme.numbers.bandwidth.guard.ThrottleGate;
import com.acme.numbers.bandwidth.guard.UpstreamGuard;
import com.acme.numbers.bandwidth.guard.UpstreamMetrics;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.ordering.AccountDefaults;
import com.acme.numbers.state.SharedRateWindows;
import com.acme.numbers.state.StateProperties;

/** Builds the one WebClient and the adapter that implements the ordering ports. */
@Configuration(proxyBeanMethods = false)
class BandwidthConfiguration {

    /** From {@code gateway.bandwidth.*}; the application may point it elsewhere (the sandbox, on this very port). */
    @Bean
    BandwidthEndpoints bandwidthEndpoints(BandwidthProperties properties,
            ObjectProvider<UnaryOperator<BandwidthEndpoints>> extensions) {
        return extensions.orderedStream().reduce(BandwidthEndpoints.of(properties),
                (current, extension) -> extension.apply(current), (first, second) -> second);
    }

    @Bean
    UpstreamMetrics upstreamMetrics(MeterRegistry meters) {
        return new UpstreamMetrics(meters);
    }

    @Bean
    UpstreamGuard upstreamGuard(ResilienceProperties properties, CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads, RateLimiterRegistry rateLimiters, RetryRegistry retries, Clock clock,
            UpstreamMetrics metrics, ConfigurableEnvironment environment, ObjectProvider<SharedThrottles> shared,
            ObjectProvider<SharedRateWindows> sharedWindows) {
        ResilienceSettingsGuard.check(environment);
        SharedThrottles sharedThrottles = shared.getIfAvailable();
        ThrottleGate throttles = sharedThrottles == null ? new ThrottleGate(clock) : sharedThrottles.gate(clock);
        return new UpstreamGuard(properties, breakers, bulkheads, rateLimiters, retries, clock, metrics, throttles,
                sharedWindows.getIfAvailable());
    }

    /** With {@code gateway.state.store=redis}, a 429 any replica sees closes the account on every replica. */
    @Bean
    @ConditionalOnProperty(name = "gateway.state.store", havingValue = "redis")
    SharedThrottles sharedThrottles(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections,
            StateProperties state) {
        return new SharedThrottles(redis, connections, state.keyPrefix(), state.timeout());
    }

    /** The one client: one WebClient, one token cache, one guard, for the adapter and the account look-ups. */
    @Bean
    BandwidthClient bandwidthClient(WebClient.Builder builder, BandwidthProperties properties,
            BandwidthEndpoints endpoints, CredentialVault vault, UpstreamGuard guard, UpstreamMetrics metrics,
            Clock clock, TraceContextPropagation traceContext) {
        WebClient webClient = webClient(builder, properties, traceContext);
        BandwidthAuthenticator authenticator = new BandwidthAuthenticator(vault, webClient, endpoints,
                new LegacyApiUserReporter(clock, metrics), clock);
        return new BandwidthClient(webClient, endpoints, authenticator, new BandwidthErrorTranslator(clock), guard,
                traceContext);
    }

    @Bean
    BandwidthAdapter bandwidthAdapter(BandwidthClient client, UpstreamMetrics metrics, Clock clock) {
        return new BandwidthAdapter(client, new BandwidthErrorTranslator(clock), metrics, clock);
    }

    @Bean
    CallbackLogin callbackLogin(CredentialVault vault) {
        return new CallbackLogin(vault);
    }

    /**
     * The subscriptions point at the public URL, which the application may default (the sandbox: this very
     * process, known only once it listens), so they are checked from the moment the gateway is ready.
     */
    @Bean
    CallbackSubscriptions callbackSubscriptions(BandwidthClient client, CallbackLogin login,
            AccountDefaults accounts, CallbacksProperties configured,
            ObjectProvider<UnaryOperator<CallbacksProperties>> extensions, Clock clock, MeterRegistry meters) {
        return new CallbackSubscriptions(client, login, accounts, configured, extensions, clock, meters);
    }

    @Bean
    BandwidthAccountDirectory bandwidthAccountDirectory(BandwidthClient client) {
        return new BandwidthAccountDirectory(client);
    }

    @Bean
    TraceContextPropagation bandwidthTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContextPropagation(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    HealthIndicator bandwidthHealthIndicator(UpstreamGuard guard) {
        return new BandwidthHealthIndicator(guard);
    }

    private static WebClient webClient(WebClient.Builder builder, BandwidthProperties properties,
            TraceContextPropagation traceContext) {
        ConnectionProvider pool = ConnectionProvider.builder("bandwidth")
                .maxConnections(properties.maxConnections())
                .pendingAcquireTimeout(properties.pendingAcquireTimeout())
                .pendingAcquireMaxCount(properties.maxConnections() * 2)
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout())
                // Never follow an upstream redirect: it could point anywhere, credentials included.
                .followRedirect(false);
        return builder.clone()
                // bandwidth.requests (UpstreamMetrics) times every call; traces get their span from traceContext.
                .observationRegistry(ObservationRegistry.NOOP)
                .filter(traceContext)
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxResponseSize().toBytes()))
                .build();
    }
}
