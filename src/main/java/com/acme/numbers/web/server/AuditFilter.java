package com.acme.numbers.web.server;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import com.acme.numbers.idempotency.IdempotencyKeys;
import com.acme.numbers.web.security.ApiClient;

/**
 * One audit event per mutating call (logger {@code audit}): client, account, operation, idempotency key, customer
 * order id, Bandwidth id, outcome and request id, as key-value pairs (fields in JSON logs). Never a secret.
 */
@Component
@Order(2)
public class AuditFilter extends NamedWebFilter {

    public static final String CUSTOMER_ORDER_ID = AuditFilter.class.getName() + ".customerOrderId";
    public static final String UPSTREAM_ID = AuditFilter.class.getName() + ".upstreamId";
    /** Set when the status alone would misstate the outcome (a write that may have been carried out). */
    public static final String OUTCOME = AuditFilter.class.getName() + ".outcome";
    /** The outcome of a call whose caller went away before its answer: whatever was done, nobody was told. */
    public static final String ABORTED = "aborted";
    private static final Logger audit = LoggerFactory.getLogger("audit");
    private static final Pattern PATH = Pattern.compile("^/api/v1/accounts/([^/]+)/([a-z-]+)(/.*)?$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return chain.filter(exchange);
        }
        Matcher path = PATH.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
        if (!path.matches()) {
            return chain.filter(exchange);
        }
        String operation = method.name().toLowerCase(Locale.ROOT) + " " + path.group(2);
        return chain.filter(exchange)
                .doOnError(DisconnectedClientHelper::isClientDisconnectedException,
                        gone -> exchange.getAttributes().put(OUTCOME, ABORTED))
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL) {
                        exchange.getAttributes().putIfAbsent(OUTCOME, ABORTED);
                    }
                    record(exchange, path.group(1), operation);
                });
    }

    private static void record(ServerWebExchange exchange, String account, String operation) {
        ApiClient client = exchange.getAttribute(ApiClient.ATTRIBUTE);
        String clientName = client == null ? "unauthenticated" : client.name();
        int status = exchange.getResponse().getStatusCode() == null ? 0 : exchange.getResponse().getStatusCode().value();
        Object outcome = exchange.getAttributes().getOrDefault(OUTCOME, status);
        String key = exchange.getRequest().getHeaders().getFirst(IdempotencyKeys.HEADER);
        String customerOrderId = exchange.getAttribute(CUSTOMER_ORDER_ID);
        String upstreamId = exchange.getAttribute(UPSTREAM_ID);
        String requestId = RequestIdFilter.requestId(exchange);
        audit.atInfo()
                .addKeyValue("client", clientName).addKeyValue("account", account)
                .addKeyValue("operation", operation).addKeyValue("idempotencyKey", key)
                .addKeyValue("customerOrderId", customerOrderId).addKeyValue("bandwidthId", upstreamId)
                .addKeyValue("outcome", outcome).addKeyValue("requestId", requestId)
                .log("audit client={} account={} operation=\"{}\" idempotencyKey={} customerOrderId={} "
                        + "bandwidthId={} outcome={} requestId={}", clientName, account, operation, key,
                        customerOrderId, upstreamId, outcome, requestId);
    }
}
