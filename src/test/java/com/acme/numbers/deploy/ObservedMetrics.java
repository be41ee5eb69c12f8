package com.acme.numbers.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Prometheus series the chart's dashboard and alert rules query, read from the chart itself. Running gateways
 * prove each is exported: ObservabilityIntegrationTests the request, Bandwidth, breaker and order series (after a
 * search and order reads on both kinds of account), OrderEventsIntegrationTests the events series (after an order
 * and its webhook).
 */
public final class ObservedMetrics {

    private static final Path CHART = Path.of("helm/numbers-gateway");
    private static final Pattern SERIES = Pattern.compile("([a-z][a-z0-9_]+)\\{");
    private static final Pattern EVENTS = Pattern.compile("gateway_(callbacks|events|reconciler|webhooks)_.*");

    private ObservedMetrics() {
    }

    /** Every series name the dashboard or an alert rule queries. */
    public static Set<String> queried() {
        try {
            String queries = Files.readString(CHART.resolve("dashboards/numbers-gateway.json"))
                    + Files.readString(CHART.resolve("alerts/numbers-gateway-rules.yaml"));
            Set<String> names = new TreeSet<>();
            SERIES.matcher(queries).results().map(m -> m.group(1)).forEach(names::add);
            return names;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The events series among them. */
    public static Set<String> events() {
        Set<String> names = new TreeSet<>(queried());
        names.removeIf(name -> !EVENTS.matcher(name).matches());
        return names;
    }

    /** The others: requests, Bandwidth calls, breakers, orders, legacy API users. */
    public static Set<String> requestsAndOrders() {
        Set<String> names = new TreeSet<>(queried());
        names.removeAll(events());
        return names;
    }
}
