package com.acme.numbers.deploy;

import java.util.Set;

/**
 * The Prometheus series the dashboard and alert rules rely on; ObservabilityIntegrationTests proves the running
 * gateway exposes the request, Bandwidth, breaker and order series, OrderEventsIntegrationTests the events series.
 */
final class ObservedMetrics {

    static final Set<String> NAMES = Set.of("bandwidth_requests_seconds_count", "bandwidth_requests_seconds_bucket",
            "gateway_orders_final_total", "gateway_orders_completion_seconds_max", "resilience4j_circuitbreaker_state",
            "http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
            "bandwidth_legacy_auth_calls_total", "gateway_webhooks_deliveries_total", "gateway_events_emitted_total",
            "gateway_callbacks_received_total", "gateway_reconciler_polls_total",
            "gateway_webhooks_delivery_lag_seconds_max");

    private ObservedMetrics() {
    }
}
