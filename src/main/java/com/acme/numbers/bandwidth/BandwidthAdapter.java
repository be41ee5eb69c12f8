package com.acme.numbers.bandwidth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.xml.DisconnectXml;
import com.acme.numbers.bandwidth.xml.EnvelopeXml;
import com.acme.numbers.bandwidth.xml.ErrorXml;
import com.acme.numbers.bandwidth.xml.OrderListXml;
import com.acme.numbers.bandwidth.xml.OrderResponseXml;
import com.acme.numbers.bandwidth.xml.ReservationXml;
import com.acme.numbers.bandwidth.xml.SearchResultXml;
import com.acme.numbers.bandwidth.xml.TelephoneNumberListXml;
import com.acme.numbers.bandwidth.xml.TnDetailsXml;
import com.acme.numbers.ordering.AccountNotFoundException;
import com.acme.numbers.ordering.Disconnect;
import com.acme.numbers.ordering.NewDisconnect;
import com.acme.numbers.ordering.NewOrder;
import com.acme.numbers.ordering.NotFoundException;
import com.acme.numbers.ordering.NumberDetails;
import com.acme.numbers.ordering.NumberInventory;
import com.acme.numbers.ordering.NumberOrder;
import com.acme.numbers.ordering.NumberOrdering;
import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.OrderPage;
import com.acme.numbers.ordering.OrderQuery;
import com.acme.numbers.ordering.OrderSummary;
import com.acme.numbers.ordering.OutcomeUnknownException;
import com.acme.numbers.ordering.PhoneNumber;
import com.acme.numbers.ordering.Reservation;
import com.acme.numbers.ordering.SearchResult;
import com.acme.numbers.ordering.UpstreamFailureException;
import com.acme.numbers.ordering.UpstreamTimeoutException;

/** The one adapter between the ordering ports and Bandwidth's XML Numbers API. */
final class BandwidthAdapter implements NumberInventory, NumberOrdering {

    private static final Pattern NEXT_PAGE = Pattern.compile("[?&]page=([^&>;]+)");

    private final BandwidthClient client;
    private final BandwidthErrorTranslator translator;
    private final UpstreamMetrics metrics;
    private final Clock clock;

    BandwidthAdapter(BandwidthClient client, BandwidthErrorTranslator translator, UpstreamMetrics metrics,
            Clock clock) {
        this.client = client;
        this.translator = translator;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Mono<SearchResult> search(String accountId, NumberSearch search) {
        return client.exchange(accountId, UpstreamOperation.SEARCH, SearchQuery.of(search), null,
                        "accounts", accountId, "availableNumbers")
                .map(response -> BandwidthMapper.searchResult(
                        readChecked(response.body(), SearchResultXml.class)));
    }

    @Override
    public Mono<Reservation> reserve(String accountId, PhoneNumber number) {
        return client.exchange(accountId, UpstreamOperation.RESERVE, null, ReservationXml.request(number.digits()),
                        "accounts", accountId, "tnreservation")
                .flatMap(response -> {
                    rejectErrors(response.body());
                    String id = response.locationId();
                    if (id == null) {
                        return Mono.error(new UpstreamFailureException("Bandwidth created a reservation without a Location"));
                    }
                    return reservation(accountId, id);
                });
    }

    @Override
    public Mono<Reservation> reservation(String accountId, String reservationId) {
        return client.exchange(accountId, UpstreamOperation.READ_RESERVATION, null, null,
                        "accounts", accountId, "tnreservation", reservationId)
                .map(response -> toReservation(readChecked(response.body(), ReservationXml.ResponseXml.class),
                        reservationId));
    }

    @Override
    public Mono<Void> release(String accountId, String reservationId) {
        return client.exchange(accountId, UpstreamOperation.RELEASE_RESERVATION, null, null,
                        "accounts", accountId, "tnreservation", reservationId)
                .doOnNext(response -> rejectErrors(response.body()))
                .then();
    }

    @Override
    public Mono<NumberDetails> details(String accountId, PhoneNumber number) {
        return client.exchange(accountId, UpstreamOperation.READ_NUMBER, null, null,
                        "tns", number.digits(), "tndetails")
                .map(response -> readChecked(response.body(), TnDetailsXml.class))
                .map(xml -> toDetails(xml, accountId, number));
    }

    @Override
    public Mono<NumberOrder> place(String accountId, NewOrder order) {
        return client.exchange(accountId, UpstreamOperation.PLACE_ORDER, null, OrderMapper.toXml(order),
                        "accounts", accountId, "orders")
                .map(response -> readOrder(response.body()))
                .onErrorMap(BandwidthAdapter::mayHaveBeenAccepted,
                        ex -> new OutcomeUnknownException("order", order.customerOrderId(), timedOut(ex)));
    }

    @Override
    public Mono<NumberOrder> order(String accountId, String orderId) {
        return client.exchange(accountId, UpstreamOperation.READ_ORDER, null, null,
                        "accounts", accountId, "orders", orderId)
                .map(response -> readOrder(response.body()));
    }

    @Override
    public Mono<OrderPage> orders(String accountId, OrderQuery query) {
        return client.exchange(accountId, UpstreamOperation.LIST_ORDERS, orderListQuery(query), null,
                        "accounts", accountId, "orders")
                .map(response -> toPage(BandwidthXml.readOptional(response.body(), OrderListXml.class)))
                // Bandwidth answers 404 when no order matches the filters: that is an empty page to us.
                .onErrorResume(ex -> ex instanceof NotFoundException && !(ex instanceof AccountNotFoundException),
                        ex -> Mono.just(new OrderPage(List.of(), 0, null)));
    }

    @Override
    public Mono<Disconnect> disconnect(String accountId, NewDisconnect request) {
        DisconnectXml body = new DisconnectXml(null, request.name(), request.customerOrderId(), null,
                new DisconnectXml.TypeXml(
                        TelephoneNumberListXml.of(request.phoneNumbers().stream().map(PhoneNumber::digits).toList()),
                        request.mode().name().toLowerCase(Locale.ROOT)));
        return client.exchange(accountId, UpstreamOperation.DISCONNECT, null, body,
                        "accounts", accountId, "disconnects")
                .map(response -> readDisconnect(response.body(), response.locationId()))
                .onErrorMap(BandwidthAdapter::mayHaveBeenAccepted,
                        ex -> new OutcomeUnknownException("disconnect", request.customerOrderId(), timedOut(ex)));
    }

    @Override
    public Mono<Disconnect> disconnectOrder(String accountId, String disconnectId) {
        return client.exchange(accountId, UpstreamOperation.READ_DISCONNECT, null, null,
                        "accounts", accountId, "disconnects", disconnectId)
                .map(response -> readDisconnect(response.body(), disconnectId));
    }

    /**
     * Whether a write that failed this way may still have been carried out: its answer timed out, was cut off,
     * could not be read, or was a 5xx. A refusal (4xx, refused credentials, throttling, an open breaker, a refused
     * connection) means Bandwidth did nothing.
     */
    private static boolean mayHaveBeenAccepted(Throwable ex) {
        if (ex instanceof UpstreamTimeoutException) {
            return true;
        }
        if (ex instanceof BandwidthUnavailableException unavailable) {
            return unavailable.requestSent();
        }
        return ex instanceof UpstreamFailureException && !(ex instanceof BandwidthAuthRejectedException);
    }

    private static boolean timedOut(Throwable ex) {
        return ex instanceof UpstreamTimeoutException;
    }

    /** Parses a body after checking it carries no error: for resources whose errors are never data. */
    private <T> T readChecked(String body, Class<T> type) {
        rejectErrors(body);
        return BandwidthXml.readOptional(body, type);
    }

    private void rejectErrors(String body) {
        EnvelopeXml envelope = BandwidthXml.readOptional(body, EnvelopeXml.class);
        ErrorXml error = envelope == null ? null : envelope.firstError();
        if (error != null) {
            throw translator.rejection(error);
        }
    }

    /** In an order response an ErrorList next to an OrderStatus is the per-number result, not a rejection. */
    private NumberOrder readOrder(String body) {
        OrderResponseXml xml = BandwidthXml.read(body, OrderResponseXml.class);
        rejectUnlessStatus(body, xml.orderStatus(), xml.order() == null ? null : xml.order().id());
        if (xml.order() == null || xml.order().id() == null) {
            throw new UpstreamFailureException("Bandwidth answered with an order that has no id");
        }
        NumberOrder order = OrderMapper.toDomain(xml);
        metrics.orderRead(order);
        return order;
    }

    private Disconnect readDisconnect(String body, String fallbackId) {
        DisconnectXml.ResponseXml xml = BandwidthXml.read(body, DisconnectXml.ResponseXml.class);
        rejectUnlessStatus(body, xml.orderStatus(), null);
        DisconnectXml request = xml.orderRequest();
        String id = request != null && request.id() != null ? request.id() : fallbackId;
        if (id == null) {
            throw new UpstreamFailureException("Bandwidth answered with a disconnect that has no id");
        }
        List<String> requested = request == null || request.type() == null ? List.of()
                : TelephoneNumberListXml.numbers(request.type().telephoneNumberList());
        return new Disconnect(id.trim(),
                request == null ? null : request.name(),
                request == null ? null : request.customerOrderId(),
                BandwidthMapper.status(xml.orderStatus()),
                request == null ? null : BandwidthMapper.instant(request.orderCreateDate()),
                BandwidthMapper.phoneNumbers(requested),
                BandwidthMapper.phoneNumbers(TelephoneNumberListXml.numbers(xml.disconnected())),
                BandwidthMapper.errors(xml.errorList()));
    }

    private void rejectUnlessStatus(String body, String orderStatus, String id) {
        if (orderStatus == null && id == null) {
            rejectErrors(body);
        }
    }

    private Reservation toReservation(ReservationXml.ResponseXml xml, String requestedId) {
        ReservationXml reservation = xml == null ? null : xml.reservation();
        PhoneNumber number = reservation == null ? null : BandwidthMapper.phoneNumber(reservation.reservedTn());
        if (number == null) {
            throw new UpstreamFailureException("Bandwidth answered with a reservation without a number");
        }
        long seconds = reservation.reservationExpires() == null ? 0 : Math.max(0, reservation.reservationExpires());
        String id = reservation.reservationId() != null ? reservation.reservationId().trim() : requestedId;
        return new Reservation(id, number, clock.instant().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS),
                seconds);
    }

    private static NumberDetails toDetails(TnDetailsXml xml, String accountId, PhoneNumber number) {
        TnDetailsXml.DetailsXml d = xml == null ? null : xml.details();
        // /tns is global: a number on another account must look exactly like an unknown one.
        if (d == null || !accountId.equals(BandwidthMapper.trim(d.accountId()))) {
            throw new NotFoundException("number " + number + " was not found on this account", null);
        }
        return new NumberDetails(number, BandwidthMapper.trim(d.status()), accountId,
                d.site() == null ? null : BandwidthMapper.trim(d.site().id()),
                d.sipPeer() == null ? null : BandwidthMapper.trim(d.sipPeer().peerId()),
                BandwidthMapper.trim(d.city()), BandwidthMapper.trim(d.state()), BandwidthMapper.trim(d.rateCenter()),
                BandwidthMapper.trim(d.lata()), BandwidthMapper.instant(d.inServiceDate()),
                BandwidthMapper.instant(d.lastModified()));
    }

    private static MultiValueMap<String, String> orderListQuery(OrderQuery query) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("page", query.page() == null ? "1" : query.page());
        params.add("size", Integer.toString(query.size()));
        if (query.status() != null) {
            params.add("status", query.status().name().toLowerCase(Locale.ROOT));
        }
        if (query.customerOrderId() != null) {
            params.add("customerOrderId", query.customerOrderId());
        }
        if (query.from() != null) {
            params.add("startdate", query.from().format(DateTimeFormatter.ISO_LOCAL_DATE));
        }
        if (query.to() != null) {
            params.add("enddate", query.to().format(DateTimeFormatter.ISO_LOCAL_DATE));
        }
        return params;
    }

    private static OrderPage toPage(OrderListXml xml) {
        if (xml == null || xml.list() == null) {
            return new OrderPage(List.of(), 0, null);
        }
        OrderListXml.ListXml list = xml.list();
        List<OrderSummary> rows = list.rows() == null ? List.of()
                : list.rows().stream().filter(row -> row.orderId() != null).map(BandwidthAdapter::toSummary).toList();
        int total = list.totalCount() == null ? rows.size() : list.totalCount();
        return new OrderPage(rows, total, nextPage(list.links()));
    }

    private static OrderSummary toSummary(OrderListXml.RowXml row) {
        return new OrderSummary(row.orderId().trim(), BandwidthMapper.status(row.orderStatus()),
                BandwidthMapper.trim(row.customerOrderId()), BandwidthMapper.instant(row.orderDate()),
                BandwidthMapper.instant(row.lastModifiedDate()), row.countOfTns() == null ? 0 : row.countOfTns());
    }

    private static String nextPage(OrderListXml.LinksXml links) {
        if (links == null || links.next() == null) {
            return null;
        }
        Matcher matcher = NEXT_PAGE.matcher(links.next());
        return matcher.find() ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8)
                : null;
    }
}
