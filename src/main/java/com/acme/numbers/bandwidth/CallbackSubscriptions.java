package com.acme.numbers.bandwidth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.guard.UpstreamOperation;
import com.acme.numbers.bandwidth.xml.SubscriptionXml;
import com.acme.numbers.events.OrderKind;
import com.acme.numbers.ordering.AccountDefaults;

/**
 * Keeps, per configured account, one Bandwidth callback subscription for {@code orders} and one for
 * {@code disconnects} pointing at this gateway: created when missing; updated when its URL or login differs from what
 * it should be (drift, logged and counted in {@code gateway.callbacks.subscriptions{outcome="drift"}}); renewed when
 * half its {@code Expiry} has passed. Several replicas may each do so: every write states the same target.
 */
final class CallbackSubscriptions implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallbackSubscriptions.class);

    private final BandwidthClient client;
    private final CallbackLogin login;
    private final AccountDefaults accounts;
    private final CallbacksProperties configured;
    private final ObjectProvider<UnaryOperator<CallbacksProperties>> extensions;
    private volatile CallbacksProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Written> written = new ConcurrentHashMap<>();
    private volatile Disposable running;

    /** What this replica last wrote for one subscription, so it knows when to renew or correct it. */
    private record Written(String url, String loginHeaderHash, Instant at) {
    }

    CallbackSubscriptions(BandwidthClient client, CallbackLogin login, AccountDefaults accounts,
            CallbacksProperties configured, ObjectProvider<UnaryOperator<CallbacksProperties>> extensions,
            Clock clock, MeterRegistry meters) {
        this.client = client;
        this.login = login;
        this.accounts = accounts;
        this.configured = configured;
        this.extensions = extensions;
        this.properties = configured;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        properties = extensions.orderedStream()
                .reduce(configured, (current, extension) -> extension.apply(current), (first, second) -> second);
        if (properties.publicUrl() == null) {
            log.info("gateway.callbacks.public-url is not set: no Bandwidth notifications are subscribed to, and "
                    + "the reconciler alone finds every order's status (within its polling backoff)");
            return;
        }
        running = Flux.interval(Duration.ZERO, properties.checkInterval())
                .onBackpressureDrop()
                .concatMap(tick -> checkAll(), 1)
                .subscribe();
    }

    @Override
    public void destroy() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
    }

    /** One pass over every account and kind; failures are logged and tried again at the next pass. */
    Mono<Void> checkAll() {
        return Flux.fromIterable(accounts.accounts())
                .concatMap(account -> Flux.fromArray(OrderKind.values()).concatMap(kind -> check(account, kind)))
                .then();
    }

    private Mono<Void> check(String accountId, OrderKind kind) {
        String url = properties.publicUrl().toString().replaceAll("/+$", "")
                + BandwidthCallbackController.PATH.replace("{accountId}", accountId);
        return login.current()
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("No callback login in the credential backend "
                        + "(entry '{}'): Bandwidth's notifications for account {} are not subscribed to",
                        CallbacksProperties.LOGIN_ENTRY, accountId)))
                .flatMap(current -> list(accountId).flatMap(existing -> reconcile(accountId, kind, url, current,
                        existing)))
                .onErrorResume(ex -> {
                    count("failed");
                    log.warn("Could not check the {} callback subscription of account {}: {}", kind.bandwidthType(),
                            accountId, SubscriptionErrors.describe(ex));
                    return Mono.empty();
                });
    }

    private Mono<Void> reconcile(String accountId, OrderKind kind, String url, CallbackLogin.Login current,
            List<SubscriptionXml> existing) {
        String key = accountId + '|' + kind;
        String loginHash = Integer.toHexString(current.header().hashCode());
        SubscriptionXml ours = existing.stream()
                .filter(s -> kind.bandwidthType().equalsIgnoreCase(s.orderType()) && s.orderId() == null
                        && s.callback() != null && pointsAtUs(s.callback().url(), accountId))
                .findFirst().orElse(null);
        SubscriptionXml target = SubscriptionXml.callback(kind.bandwidthType(), url, properties.expiry().toSeconds(),
                current.username(), current.password().reveal());
        if (ours == null) {
            return client.exchange(accountId, UpstreamOperation.CREATE_SUBSCRIPTION, null, target, "accounts",
                    accountId, "subscriptions").doOnNext(created -> {
                        written.put(key, new Written(url, loginHash, clock.instant()));
                        count("created");
                        log.info("Subscribed to Bandwidth's {} notifications of account {} at {} (subscription {})",
                                kind.bandwidthType(), accountId, url, created.locationId());
                    }).then();
        }
        String drift = drift(ours, url, current, written.get(key), loginHash);
        Written last = written.get(key);
        boolean renew = last == null || last.at().plus(properties.expiry().dividedBy(2)).isBefore(clock.instant());
        if (drift == null && !renew) {
            count("unchanged");
            return Mono.empty();
        }
        if (drift != null) {
            count("drift");
            log.warn("Bandwidth's {} callback subscription {} of account {} has drifted ({}); correcting it",
                    kind.bandwidthType(), ours.subscriptionId(), accountId, drift);
        }
        return client.exchange(accountId, UpstreamOperation.UPDATE_SUBSCRIPTION, null, target, "accounts",
                accountId, "subscriptions", ours.subscriptionId()).doOnNext(updated -> {
                    written.put(key, new Written(url, loginHash, clock.instant()));
                    count(drift != null ? "corrected" : "renewed");
                }).then();
    }

    private static String drift(SubscriptionXml ours, String url, CallbackLogin.Login current, Written last,
            String loginHash) {
        if (!url.equals(unquoted(ours.callback().url()))) {
            return "URL " + unquoted(ours.callback().url()) + " instead of " + url;
        }
        SubscriptionXml.CredentialsXml credentials = ours.callback().credentials();
        String username = credentials == null || credentials.basic() == null ? null : credentials.basic().username();
        if (!Objects.equals(username, current.username())) {
            return "another login";
        }
        if (last != null && !last.loginHeaderHash().equals(loginHash)) {
            return "the login's password was rotated";
        }
        return null;
    }

    private static boolean pointsAtUs(String url, String accountId) {
        String plain = unquoted(url);
        return plain != null
                && plain.endsWith(BandwidthCallbackController.PATH.replace("{accountId}", accountId));
    }

    /** Bandwidth's own examples show the URL in double quotes. */
    private static String unquoted(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        return trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private Mono<List<SubscriptionXml>> list(String accountId) {
        return client.exchange(accountId, UpstreamOperation.LIST_SUBSCRIPTIONS, null, null, "accounts", accountId,
                "subscriptions")
                .map(response -> {
                    SubscriptionXml.ListXml list = BandwidthXml.readOptional(response.body(),
                            SubscriptionXml.ListXml.class);
                    return list == null ? List.<SubscriptionXml>of() : list.all();
                });
    }

    private void count(String outcome) {
        meters.counter("gateway.callbacks.subscriptions", "outcome", outcome).increment();
    }
}
