package com.acme.numbers.web.security;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.acme.numbers.web.problem.ProblemCode;
import com.acme.numbers.web.problem.ProblemWriter;
import com.acme.numbers.web.server.NamedWebFilter;

/**
 * Authenticates callers of {@code /api} and of the sandbox's {@code /sandbox/admin} by {@code X-API-Key} (or a JWT
 * Spring Security has validated) and authorizes the account in the path and the operation (reads need
 * {@code numbers:read}, writes {@code numbers:write}, the sandbox's admin calls {@code sandbox:admin}) before any
 * controller, so a refused call never reaches Bandwidth or the sandbox.
 */
@Component
@Order(0)
public class ApiKeyFilter extends NamedWebFilter {

    public static final String HEADER = "X-API-Key";
    private static final String ACCOUNTS = "/api/v1/accounts/";
    private static final String SANDBOX_ADMIN = "/sandbox/admin/";
    private static final Pattern WEBHOOKS = Pattern.compile("^/api/v1/accounts/[^/]+/webhooks(/.*)?$");
    private static final String SANDBOX_ADMIN_BEAN = "sandboxAdminController";

    private final ApiClients clients;
    private final ProblemWriter problems;
    private final CallerQuotas quotas;
    private final JwtClients jwtClients;
    private final boolean sandboxServed;

    ApiKeyFilter(ApiClients clients, ProblemWriter problems, CallerQuotas quotas, JwtProperties jwt,
            ListableBeanFactory beans) {
        // the sandbox's admin controller exists only in sandbox mode (its room is not visible from here, its bean is)
        this.sandboxServed = beans.containsBean(SANDBOX_ADMIN_BEAN);
        this.clients = clients;
        this.problems = problems;
        this.quotas = quotas;
        this.jwtClients = new JwtClients(jwt);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean sandboxAdmin = sandboxServed && path.startsWith(SANDBOX_ADMIN);
        if (!sandboxAdmin && !path.equals("/api") && !path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key != null && !key.isBlank()) {
            ApiClient client = clients.find(key).orElse(null);
            return client == null ? unauthenticated(exchange) : authorize(exchange, chain, client, path);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
                        ? jwtClients.toClient(token) : null)
                .map(client -> authorize(exchange, chain, client, path))
                .defaultIfEmpty(Mono.defer(() -> unauthenticated(exchange)))
                .flatMap(result -> result);
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange) {
        return problems.write(exchange, ProblemCode.UNAUTHENTICATED,
                "Send a valid API key in the X-API-Key header, or an OAuth2 bearer token.");
    }

    private Mono<Void> authorize(ServerWebExchange exchange, WebFilterChain chain, ApiClient client, String path) {
        String account = accountIn(path);
        if (account != null && !client.mayUse(account)) {
            return problems.write(exchange, ProblemCode.FORBIDDEN, "This client may not use that account.");
        }
        String scope = path.startsWith(SANDBOX_ADMIN) ? ApiClient.SANDBOX_ADMIN
                : isRead(exchange.getRequest().getMethod()) && !managesWebhooks(path)
                        || DryRuns.isDryRunOrder(exchange.getRequest()) ? ApiClient.READ : ApiClient.WRITE;
        if (!client.has(scope)) {
            return problems.write(exchange, ProblemCode.FORBIDDEN, "This client lacks the scope " + scope + ".");
        }
        if (ApiClient.SANDBOX_ADMIN.equals(scope) && !jsonOrNoBody(exchange)) {
            return problems.write(exchange, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "The sandbox's admin calls take application/json bodies only.");
        }
        return quotas.tryAcquire(client).flatMap(budget -> spend(exchange, chain, client, budget));
    }

    private Mono<Void> spend(ServerWebExchange exchange, WebFilterChain chain, ApiClient client,
            ClientRateLimiter.Decision budget) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(budget.limit()));
        headers.set("RateLimit-Remaining", Long.toString(budget.remaining()));
        headers.set("RateLimit-Reset", Long.toString(budget.resetSeconds()));
        if (!budget.allowed()) {
            return problems.write(exchange, ProblemCode.CLIENT_RATE_LIMITED, "This client may make "
                    + budget.limit() + " requests per second.", Duration.ofSeconds(budget.resetSeconds()));
        }
        exchange.getAttributes().put(ApiClient.ATTRIBUTE, client);
        return chain.filter(exchange);
    }

    /** Webhooks carry where the account's events go and deliveries' contents: reading them is managing them. */
    private static boolean managesWebhooks(String path) {
        return path.contains("/webhooks") && WEBHOOKS.matcher(path).matches();
    }

    /** The account of {@code /api/v1/accounts/{account}[/...]}, or null for any other path. */
    static String accountIn(String path) {
        if (!path.startsWith(ACCOUNTS)) {
            return null;
        }
        int end = path.indexOf('/', ACCOUNTS.length());
        String account = path.substring(ACCOUNTS.length(), end < 0 ? path.length() : end);
        return account.isEmpty() ? null : account;
    }

    /*
     * A web page can send a cross-origin "simple" POST (text/plain, form data) without asking first; a JSON body or
     * an X-API-Key header needs a preflight, which nothing here answers.
     */
    private static boolean jsonOrNoBody(ServerWebExchange exchange) {
        String type = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        return type == null || type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE);
    }

    private static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }
}
