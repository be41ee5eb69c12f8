package com.acme.numbers.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.sandbox.SandboxSubscriptions.Subscription;
import com.acme.numbers.sandbox.faults.SandboxFaults;
import com.acme.numbers.sandbox.xml.XmlNode;

/**
 * Sends Bandwidth's {@code Notification} when a sandbox order or disconnect finishes, to every live subscription of
 * its order type, exactly as Bandwidth does: first without credentials, then, only after a 401 that carries
 * {@code WWW-Authenticate}, once more with the subscription's Basic login; never again after that, whatever the
 * answer. The fault {@code dropNotifications} sends none. Its tick loop is its own, not the events room's
 * {@code Sweeping}: the sandbox shares no class with the gateway it stands in for.
 */
final class SandboxNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxNotifier.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SandboxStore store;
    private final SandboxSubscriptions subscriptions;
    private final SandboxFaults faults;
    private final WebClient client;
    private volatile Disposable running;

    SandboxNotifier(SandboxStore store, SandboxSubscriptions subscriptions, SandboxFaults faults,
            WebClient.Builder builder) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.faults = faults;
        this.client = builder.clone().build();
    }

    /** Notifies what finished since the last call; completes when every notification has had its answer. */
    Mono<Void> notifySettled() {
        return Mono.fromCallable(store::drainSettled)
                .flatMapMany(Flux::fromIterable)
                .filter(work -> !faults.current().dropNotifications())
                .flatMap(work -> Flux.fromIterable(subscriptions.forOrderType(work.orderType()))
                        .flatMap(subscription -> send(subscription, work)))
                .then();
    }

    private Mono<Void> send(Subscription subscription, SandboxWork work) {
        String body = notification(subscription, work);
        return post(subscription, body, null)
                .flatMap(status -> status.challenged() && subscription.username() != null
                        ? post(subscription, body, basic(subscription)) : Mono.just(status))
                .doOnNext(status -> subscriptions.recordOutcome(subscription.id(), "HTTP " + status.code()))
                .onErrorResume(ex -> {
                    subscriptions.recordOutcome(subscription.id(), "failed: " + ex.getClass().getSimpleName());
                    log.debug("Sandbox notification to {} failed: {}", subscription.url(), ex.toString());
                    return Mono.empty();
                })
                .then();
    }

    private record Answer(int code, boolean challenged) {
    }

    private Mono<Answer> post(Subscription subscription, String body, String authorization) {
        WebClient.RequestBodySpec request = client.post().uri(subscription.url())
                .contentType(MediaType.APPLICATION_XML);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(new Answer(
                        response.statusCode().value(), response.statusCode().value() == 401
                                && response.headers().asHttpHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE))))
                .timeout(TIMEOUT);
    }

    private static String basic(Subscription subscription) {
        return "Basic " + Base64.getEncoder().encodeToString((subscription.username() + ':' + subscription.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    static String notification(Subscription subscription, SandboxWork work) {
        XmlNode root = XmlNode.root("Notification").add("SubscriptionId", subscription.id())
                .add("OrderType", work.orderType()).add("OrderId", work.id())
                .add("CustomerOrderId", work.customerOrderId()).add("Status", work.status())
                .add("Message", message(work));
        XmlNode numbers = root.child("CompletedTelephoneNumbers");
        work.completedNumbers().forEach(number -> numbers.add("TelephoneNumber", number));
        root.add("LastModifiedDate", DateTimeFormatter.ISO_INSTANT.format(work.dueAt()));
        return root.render();
    }

    private static String message(SandboxWork work) {
        int done = work.completedNumbers().size();
        return work.orderType().equals("orders") ? "Created a new number order for " + done
                + (done == 1 ? " number" : " numbers") : "Disconnected " + done + (done == 1 ? " number" : " numbers");
    }

    @Override
    public void start() {
        running = Flux.interval(TICK).onBackpressureDrop()
                .concatMap(tick -> notifySettled().onErrorResume(ex -> Mono.empty()), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
