package com.acme.numbers.bandwidth;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.xml.NotificationXml;
import com.acme.numbers.bandwidth.xml.TelephoneNumberListXml;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderKind;
import com.acme.numbers.events.OrderNotice;
import com.acme.numbers.events.Reconciler;
import com.acme.numbers.ordering.AccountDefaults;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;

/**
 * Where Bandwidth POSTs its order and disconnect notifications. Not behind the callers' API keys: Bandwidth sends
 * the Basic login of its subscription, and only after a 401 that carries {@code WWW-Authenticate} (its first try has
 * none). A notice only says that something changed: the order's poll is made due at once (in the shared ledger, so
 * it survives this replica) and the event is emitted once its status is read back from Bandwidth.
 */
@RestController
@Tag(name = "Bandwidth callbacks", description = "Called by Bandwidth, not by internal services")
class BandwidthCallbackController {

    static final String PATH = "/callbacks/bandwidth/accounts/{accountId}";
    static final String CHALLENGE = "Basic realm=\"numbers-gateway\"";

    private final CallbackLogin login;
    private final Reconciler reconciler;
    private final AccountDefaults accounts;
    private final CallbacksProperties properties;
    private final MeterRegistry meters;

    BandwidthCallbackController(CallbackLogin login, Reconciler reconciler, AccountDefaults accounts,
            CallbacksProperties properties, MeterRegistry meters) {
        this.login = login;
        this.reconciler = reconciler;
        this.accounts = accounts;
        this.properties = properties;
        this.meters = meters;
    }

    @PostMapping(path = PATH, consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE },
            produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(operationId = "receiveBandwidthNotification", summary = "Receive a Bandwidth notification",
            description = "Bandwidth's Notification XML (order type, order id, CustomerOrderId, status, message, "
                    + "completed numbers). Without credentials the answer is 401 with WWW-Authenticate: Basic, so "
                    + "Bandwidth sends its subscription's login; wrong credentials are 401 too. The same "
                    + "notification twice is one event.")
    @ApiResponse(responseCode = "200", description = "Accepted")
    @ApiResponse(responseCode = "401", description = "No or wrong Basic credentials (WWW-Authenticate: Basic)")
    @ApiResponse(responseCode = "400", description = "Not a Notification document, or one with a DOCTYPE")
    @ApiResponse(responseCode = "404", description = "This gateway serves no such account")
    @ApiResponse(responseCode = "413", description = "Larger than gateway.callbacks.max-body")
    @ApiResponse(responseCode = "415", description = "Not application/xml or text/xml")
    Mono<ResponseEntity<Void>> receive(@PathVariable String accountId,
            @Parameter(in = ParameterIn.HEADER, description = "Basic: the callback login")
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        if (authorization == null || authorization.isBlank()) {
            count("unauthenticated");
            return Mono.error(challenge("Bandwidth callbacks carry the subscription's Basic login."));
        }
        return login.accepts(authorization).flatMap(accepted -> {
            if (!accepted) {
                count("forged");
                return Mono.error(challenge("These credentials are not the callback login."));
            }
            if (!accounts.accounts().contains(accountId)) {
                count("unknown_account");
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "This gateway serves no account " + accountId + "."));
            }
            return body(request).map(BandwidthCallbackController::parse)
                    .flatMap(notification -> accept(accountId, notification));
        });
    }

    private Mono<ResponseEntity<Void>> accept(String accountId, NotificationXml notification) {
        OrderKind kind = OrderKind.ofBandwidthType(notification.orderType());
        if (kind == null || notification.orderId() == null || notification.orderId().isBlank()) {
            count("ignored");
            return Mono.just(ResponseEntity.ok().build());
        }
        OrderNotice notice = new OrderNotice(new LedgerKey(kind, accountId, notification.orderId().trim()),
                notification.customerOrderId(), OrderStatus.fromUpstream(notification.status()),
                notification.message(), numbers(notification.completedTelephoneNumbers()));
        return reconciler.announce(notice).then(Mono.fromSupplier(() -> {
            count("accepted");
            return ResponseEntity.ok().<Void>build();
        }));
    }

    private Mono<String> body(ServerHttpRequest request) {
        int max = (int) properties.maxBody().toBytes();
        return DataBufferUtils.join(request.getBody(), max)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    }
                    finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .onErrorMap(DataBufferLimitException.class, tooLarge -> {
                    count("rejected");
                    return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                            "A notification is at most " + max + " bytes.");
                });
    }

    private static NotificationXml parse(String body) {
        if (!"Notification".equals(BandwidthXml.rootElement(body))) {
            throw InvalidRequestException.of("body", "must be a Bandwidth Notification document (XML without "
                    + "DOCTYPE)");
        }
        try {
            return BandwidthXml.read(body, NotificationXml.class);
        }
        catch (UpstreamFailureException unreadable) {
            throw InvalidRequestException.of("body", "is not a readable Notification document");
        }
    }

    /** The numbers only inform the log of a notice; one Bandwidth wrote oddly is left out, not refused. */
    private static List<PhoneNumber> numbers(TelephoneNumberListXml list) {
        return TelephoneNumberListXml.numbers(list).stream().map(String::trim).filter(n -> !n.isEmpty())
                .<PhoneNumber>mapMulti((number, keep) -> {
                    try {
                        keep.accept(PhoneNumber.parse(number));
                    }
                    catch (RuntimeException notANumber) {
                        // left out
                    }
                }).toList();
    }

    private void count(String outcome) {
        meters.counter("gateway.callbacks.received", "outcome", outcome).increment();
    }

    private static ResponseStatusException challenge(String detail) {
        return new ResponseStatusException(HttpStatus.UNAUTHORIZED, detail) {
            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
                return headers;
            }
        };
    }
}
