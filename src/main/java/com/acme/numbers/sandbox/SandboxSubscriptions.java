package com.acme.numbers.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import com.acme.numbers.sandbox.xml.SandboxError;
import com.acme.numbers.sandbox.xml.XmlInput;
import com.acme.numbers.sandbox.xml.XmlNode;

/**
 * The account's callback subscriptions ({@code /subscriptions}), as Bandwidth keeps them: created with a
 * {@code Location}, listed inside {@code SubscriptionsResponse} (a single one too), replaced by PUT (which restarts
 * its {@code Expiry}), and gone once that expiry has passed. Bandwidth's codes for a bad one: 14500 (OrderType),
 * 14503/14504 (URL), 14506 (incomplete Basic login), 14508 (no OrderType), 16000 (unknown id), 16008 (duplicate).
 */
final class SandboxSubscriptions {

    private static final Set<String> ORDER_TYPES = Set.of("orders", "disconnects", "portins", "portouts", "dldas",
            "lsrorders", "e911s", "tnoptions");
    private static final long DEFAULT_EXPIRY = 86_400;

    /** One callback subscription; {@code lastStatus} is the outcome of its last notification. */
    record Subscription(String id, String orderType, String url, long expirySeconds, String username,
            String password, Instant renewedAt, String lastStatus) {

        boolean expired(Instant now) {
            return renewedAt.plusSeconds(expirySeconds).isBefore(now);
        }

        Subscription withStatus(String status) {
            return new Subscription(id, orderType, url, expirySeconds, username, password, renewedAt, status);
        }

        @Override
        public String toString() {
            return "Subscription[id=" + id + ", orderType=" + orderType + ", url=" + url + "]";
        }
    }

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Clock clock;

    SandboxSubscriptions(Clock clock) {
        this.clock = clock;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> respond(() -> {
            Subscription created = save(null, body);
            URI location = UriComponentsBuilder.fromUri(request.uri()).path("/" + created.id()).replaceQuery(null)
                    .build().toUri();
            return ServerResponse.created(location).build();
        }));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        String id = request.pathVariable("id");
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> respond(() -> {
            find(id);
            save(id, body);
            return ServerResponse.ok().build();
        }));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return SandboxApi.xml(HttpStatus.OK, render(active()));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return respond(() -> SandboxApi.xml(HttpStatus.OK, render(List.of(find(request.pathVariable("id"))))));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return respond(() -> {
            Subscription gone = find(request.pathVariable("id"));
            synchronized (this) {
                subscriptions.remove(gone.id());
            }
            return ServerResponse.ok().build();
        });
    }

    /** The live subscriptions for one order type. */
    synchronized List<Subscription> forOrderType(String orderType) {
        return active().stream().filter(s -> s.orderType().equals(orderType)).toList();
    }

    synchronized void recordOutcome(String id, String status) {
        subscriptions.computeIfPresent(id, (key, s) -> s.withStatus(status));
    }

    private synchronized List<Subscription> active() {
        Instant now = clock.instant();
        subscriptions.values().removeIf(s -> s.expired(now));
        return new ArrayList<>(subscriptions.values());
    }

    private synchronized Subscription find(String id) {
        Subscription found = active().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        if (found == null) {
            throw new SandboxError(404, "16000", "Subscription " + id + " does not exist");
        }
        return found;
    }

    private synchronized Subscription save(String id, String body) {
        XmlInput xml = XmlInput.parse(body);
        if (!xml.is("Subscription")) {
            throw new SandboxError(400, "14501", "The body must be a Subscription");
        }
        String orderType = xml.text("OrderType");
        if (orderType == null) {
            throw new SandboxError(400, "14508", "Either OrderType or EventType is required");
        }
        if (!ORDER_TYPES.contains(orderType)) {
            throw new SandboxError(400, "14500", "OrderType " + orderType + " is not valid");
        }
        XmlInput callback = xml.child("CallbackSubscription");
        String url = callback == null ? null : callback.text("URL");
        if (url == null || url.isBlank()) {
            throw new SandboxError(404, "14503", "The callback URL is required");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new SandboxError(404, "14504", "The callback URL " + url + " is not valid");
        }
        XmlInput credentials = callback.child("CallbackCredentials");
        XmlInput basic = credentials == null ? null : credentials.child("BasicAuthentication");
        String username = basic == null ? null : basic.text("Username");
        String password = basic == null ? null : basic.text("Password");
        if (basic != null && (username == null || password == null)) {
            throw new SandboxError(404, "14506", "Basic authentication needs a username and a password");
        }
        long expiry = expiry(callback.text("Expiry"));
        if (id == null && active().stream().anyMatch(s -> s.orderType().equals(orderType) && s.url().equals(url))) {
            throw new SandboxError(409, "16008", "A subscription for " + orderType + " to " + url + " exists");
        }
        Subscription saved = new Subscription(id == null ? UUID.randomUUID().toString() : id, orderType, url, expiry,
                username, password, clock.instant(), null);
        subscriptions.put(saved.id(), saved);
        return saved;
    }

    private static long expiry(String value) {
        if (value == null) {
            return DEFAULT_EXPIRY;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0 && seconds <= Duration.ofDays(365).toSeconds()) {
                return seconds;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SandboxError(404, "14501", "Expiry must be a number of seconds");
    }

    private static String render(List<Subscription> subscriptions) {
        XmlNode root = XmlNode.root("SubscriptionsResponse");
        XmlNode list = root.child("Subscriptions");
        for (Subscription s : subscriptions) {
            XmlNode entry = list.child("Subscription").add("SubscriptionId", s.id()).add("OrderType", s.orderType());
            XmlNode callback = entry.child("CallbackSubscription").add("URL", s.url()).add("Expiry", s.expirySeconds())
                    .add("Status", s.lastStatus());
            if (s.username() != null) {
                callback.child("CallbackCredentials").child("BasicAuthentication").add("Username", s.username());
            }
            callback.add("NumberFormat", "LEGACY");
        }
        return root.render();
    }

    private static Mono<ServerResponse> respond(Supplier<Mono<ServerResponse>> action) {
        try {
            return action.get();
        }
        catch (SandboxError error) {
            return SandboxApi.xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.responseStatus(
                    "SubscriptionResponse", error));
        }
    }
}
