package com.acme.numbers.bandwidth.guard;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.NumberUnavailableException;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.RequestRejectedException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;
import com.acme.numbers.ordering.error.UpstreamUnavailableException;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderStatus;

/**
 * RED metrics per upstream operation ({@code bandwidth.requests}: operation, outcome, Bandwidth error code) and
 * order outcomes ({@code gateway.orders.final} by status, {@code gateway.orders.completion} from creation to a
 * final state), and calls made with a legacy API user ({@code bandwidth.legacy.auth.calls} by account). Every tag
 * has a small, fixed set of values (accounts: those the gateway has credentials for).
 */
public final class UpstreamMetrics {

    private static final int REMEMBERED_ORDERS = 10_000;

    private final MeterRegistry registry;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Set<String> finalOrdersSeen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_ORDERS;
        }
    });

    public UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(UpstreamOperation operation, Throwable failure, long startNanos) {
        timers.computeIfAbsent(new TimerKey(operation, outcome(failure), code(failure)), this::timer)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Registered once per tag combination: a builder and a registry lookup per call showed in the profile. */
    private Timer timer(TimerKey key) {
        return Timer.builder("bandwidth.requests")
                .description("Calls to Bandwidth per operation, as callers experienced them (retries included)")
                .tag("operation", key.operation().name().toLowerCase(Locale.ROOT))
                .tag("outcome", key.outcome())
                .tag("code", key.code())
                .register(registry);
    }

    private record TimerKey(UpstreamOperation operation, String outcome, String code) {
    }

    /** Counts an order's final state once, however often it is read. */
    public void orderRead(NumberOrder order) {
        if (!order.status().isFinal() && order.status() != OrderStatus.BACKORDERED) {
            return;
        }
        boolean first;
        synchronized (finalOrdersSeen) {
            first = finalOrdersSeen.add(order.id());
        }
        if (!first) {
            return;
        }
        Counter.builder("gateway.orders.final").description("Orders seen reaching a final state, by state")
                .tag("status", order.status().name()).register(registry).increment();
        if (order.createdAt() != null && order.completedAt() != null) {
            Timer.builder("gateway.orders.completion").description("Time from order creation to its final state")
                    .tag("status", order.status().name()).register(registry)
                    .record(Duration.between(order.createdAt(), order.completedAt()));
        }
    }

    /** Registered once per account by the caller, which keeps it. */
    public Counter legacyAuthCalls(String accountId, String decommissionedOn) {
        return Counter.builder("bandwidth.legacy.auth.calls")
                .description("Calls to Bandwidth with a legacy API user (HTTP Basic), decommissioned on "
                        + decommissionedOn)
                .tag("account", accountId).register(registry);
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof NotFoundException) {
            return "not_found";
        }
        if (failure instanceof NumberUnavailableException || failure instanceof RequestRejectedException
                || failure instanceof InvalidRequestException) {
            return "rejected";
        }
        if (failure instanceof UpstreamThrottledException) {
            return "throttled";
        }
        if (failure instanceof UpstreamUnavailableException) {
            return "unavailable";
        }
        if (failure instanceof UpstreamTimeoutException) {
            return "timeout";
        }
        return "failure";
    }

    private static String code(Throwable failure) {
        return failure instanceof OrderingException ordering && ordering.upstreamCode() != null
                ? ordering.upstreamCode() : "none";
    }
}
