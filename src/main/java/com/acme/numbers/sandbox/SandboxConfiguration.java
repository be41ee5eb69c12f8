package com.acme.numbers.sandbox;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.reactive.ConfigurableReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import com.acme.numbers.sandbox.faults.SandboxFaultFilter;
import com.acme.numbers.sandbox.faults.SandboxFaults;

/**
 * The embedded Bandwidth sandbox: the XML API under {@code /sandbox/bandwidth/api} (and the {@code /api/v1} and
 * {@code /v1.0} prefixes SDKs use), its OAuth2 token endpoint, and run-time fault controls. Talks to the rest of
 * the gateway only over HTTP, like Bandwidth does.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxEnabledCondition.class)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);
    static final List<String> PREFIXES = List.of("/sandbox/bandwidth/api", "/sandbox/bandwidth/api/v1",
            "/sandbox/bandwidth/v1.0");
    static final String TOKEN_PATH = "/sandbox/bandwidth/api/v1/oauth2/token";

    private final SandboxProperties properties;
    private final Environment environment;

    SandboxConfiguration(SandboxProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Sandbox timestamps in milliseconds, as Bandwidth writes them. */
    @Bean
    SandboxStore sandboxStore() {
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        return new SandboxStore(new SandboxInventory(properties.seed()), clock, properties.reservationHold(),
                properties.orderDelay(), properties.maxOrders());
    }

    @Bean
    SandboxFaults sandboxFaults() {
        return new SandboxFaults();
    }

    @Bean
    SandboxSubscriptions sandboxSubscriptions() {
        return new SandboxSubscriptions(Clock.systemUTC());
    }

    @Bean
    SandboxNotifier sandboxNotifier(SandboxStore store, SandboxSubscriptions subscriptions, SandboxFaults faults,
            WebClient.Builder builder) {
        return new SandboxNotifier(store, subscriptions, faults, builder);
    }

    @Bean
    SandboxAuth sandboxAuth() {
        return new SandboxAuth(properties, Clock.systemUTC());
    }

    @Bean
    RouterFunction<ServerResponse> sandboxRoutes(SandboxStore store, SandboxFaults faults, SandboxAuth auth,
            SandboxSubscriptions subscriptions) {
        SandboxApi api = new SandboxApi(properties, store);
        SandboxSearchApi search = new SandboxSearchApi(store);
        SandboxAccountApi sites = new SandboxAccountApi(properties);
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (String p : PREFIXES) {
            String account = p + "/accounts/{accountId}";
            routes.GET(account + "/availableNumbers", search::search)
                    .POST(account + "/tnreservation", api::reserve)
                    .GET(account + "/tnreservation/{id}", api::reservation)
                    .DELETE(account + "/tnreservation/{id}", api::unreserve)
                    .POST(account + "/orders", api::createOrder)
                    .GET(account + "/orders", api::orders)
                    .GET(account + "/orders/{id}", api::order)
                    .GET(account + "/orders/{id}/history", api::orderHistory)
                    .POST(account + "/disconnects", api::createDisconnect)
                    .GET(account + "/disconnects", api::disconnects)
                    .GET(account + "/disconnects/{id}", api::disconnect)
                    .GET(account + "/inserviceNumbers", api::inService)
                    .POST(account + "/subscriptions", subscriptions::create)
                    .GET(account + "/subscriptions", subscriptions::list)
                    .GET(account + "/subscriptions/{id}", subscriptions::get)
                    .PUT(account + "/subscriptions/{id}", subscriptions::update)
                    .DELETE(account + "/subscriptions/{id}", subscriptions::delete)
                    .GET(account + "/sites/{siteId}", sites::site)
                    .GET(account + "/sites/{siteId}/sippeers/{peerId}", sites::sipPeer)
                    .GET(p + "/tns/{tn}", api::tn)
                    .GET(p + "/tns/{tn}/tndetails", api::tnDetails);
        }
        RouterFunction<ServerResponse> bandwidthApi = routes.build()
                .filter(authentication(auth))
                .filter(new SandboxFaultFilter(faults, Clock.systemUTC()));
        return RouterFunctions.route().POST(TOKEN_PATH, request -> token(request, auth)).build().and(bandwidthApi);
    }

    private HandlerFilterFunction<ServerResponse, ServerResponse> authentication(SandboxAuth auth) {
        return (request, next) -> {
            if (!auth.allowsApiCall(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) {
                return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Bandwidth sandbox\"").build();
            }
            String account = request.pathVariables().get("accountId");
            if (account != null && !account.equals(properties.accountId())) {
                return ServerResponse.status(HttpStatus.FORBIDDEN).build();
            }
            return next.handle(request);
        };
    }

    private static Mono<ServerResponse> token(ServerRequest request, SandboxAuth auth) {
        if (!auth.allowsTokenRequest(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("error", "invalid_client"));
        }
        return request.formData().flatMap(form -> {
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("error", "unsupported_grant_type"));
            }
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                    "access_token", auth.issueToken(),
                    "token_type", "Bearer",
                    "expires_in", SandboxAuth.TOKEN_LIFETIME.toSeconds()));
        });
    }

    /**
     * The sandbox can be wiped, jammed and used to order for anyone who reaches it: unless an address is set (the
     * image sets one, where its key guards the admin calls), it listens on loopback only.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableReactiveWebServerFactory> sandboxOnLoopback() {
        return factory -> {
            if (!environment.containsProperty("server.address")) {
                factory.setAddress(InetAddress.getLoopbackAddress());
            }
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", "8080");
        String address = environment.getProperty("server.address");
        log.warn("SANDBOX MODE: Bandwidth is simulated at http://127.0.0.1:{}{} for account {} (site {}, peer {}). "
                + "No real numbers are searched, ordered or released. Set gateway.sandbox.enabled=false and "
                + "configure gateway.bandwidth.base-url and credentials for production.", port, PREFIXES.get(0),
                properties.accountId(), properties.siteId(), properties.peerId());
        log.warn("SANDBOX MODE: listening on {}; the simulated Bandwidth API accepts the user {} with password {} "
                + "and the OAuth2 client {} with secret {} ({}).",
                address == null ? "127.0.0.1 only (set server.address to listen elsewhere)" : address,
                properties.username(), properties.password(), properties.clientId(), properties.clientSecret(),
                properties.generatedLogin() ? "generated at this start; set gateway.sandbox.password and "
                        + "client-secret to fix them" : "as configured");
    }
}
