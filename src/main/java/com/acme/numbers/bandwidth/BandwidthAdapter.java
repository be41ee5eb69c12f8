package com.acme.numbers.bandwidth;

import java.time.Clock;
import java.util.List;

import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.guard.UpstreamMetrics;
import com.acme.numbers.bandwidth.guard.UpstreamOperation;
import com.acme.numbers.bandwidth.mapping.BandwidthMapper;
import com.acme.numbers.bandwidth.mapping.OrderMapper;
import com.acme.numbers.bandwidth.mapping.ResourceMapper;
import com.acme.numbers.bandwidth.mapping.SearchQuery;
import com.acme.numbers.bandwidth.xml.DisconnectXml;
import com.acme.numbers.bandwidth.xml.EnvelopeXml;
import com.acme.numbers.bandwidth.xml.ErrorXml;
import com.acme.numbers.bandwidth.xml.OrderListXml;
import com.acme.numbers.bandwidth.xml.OrderResponseXml;
import com.acme.numbers.bandwidth.xml.ReservationXml;
import com.acme.numbers.bandwidth.xml.SearchResultXml;
import com.acme.numbers.bandwidth.xml.TnDetailsXml;
import com.acme.numbers.ordering.NumberInventory;
import com.acme.numbers.ordering.NumberOrdering;
import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.error.AccountNotFoundException;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderQuery;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.SearchResult;

/** The one adapter between the ordering ports and Bandwidth's XML Numbers API. */
final class BandwidthAdapter implements NumberInventory, NumberOrdering {

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
                    // the number is held from here on: a failed read of the hold's details must not hide that
                    return reservation(accountId, id).onErrorResume(OrderingException.class,
                            unread -> Mono.just(new Reservation(id, number, null, 0)));
                });
    }

    @Override
    public Mono<Reservation> reservation(String accountId, String reservationId) {
        return client.exchange(accountId, UpstreamOperation.READ_RESERVATION, null, null,
                        "accounts", accountId, "tnreservation", reservationId)
                .map(response -> ResourceMapper.toReservation(
                        readChecked(response.body(), ReservationXml.ResponseXml.class), reservationId, clock.instant()));
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
                .map(xml -> ResourceMapper.toDetails(xml, accountId, number));
    }

    @Override
    public Mono<NumberOrder> place(String accountId, NewOrder order) {
        return client.exchange(accountId, UpstreamOperation.PLACE_ORDER, null, OrderMapper.toXml(order),
                        "accounts", accountId, "orders")
                .map(response -> readOrder(response.body()))
                .onErrorMap(WriteOutcomes::mayHaveBeenAccepted, WriteOutcomes.unknown("order", order.customerOrderId()));
    }

    @Override
    public Mono<NumberOrder> order(String accountId, String orderId) {
        return client.exchange(accountId, UpstreamOperation.READ_ORDER, null, null,
                        "accounts", accountId, "orders", orderId)
                .map(response -> readOrder(response.body()));
    }

    @Override
    public Mono<OrderPage> orders(String accountId, OrderQuery query) {
        return client.exchange(accountId, UpstreamOperation.LIST_ORDERS, ResourceMapper.orderListQuery(query), null,
                        "accounts", accountId, "orders")
                .map(response -> ResourceMapper.toPage(BandwidthXml.readOptional(response.body(), OrderListXml.class)))
                // Bandwidth answers 404 when no order matches the filters: that is an empty page to us.
                .onErrorResume(ex -> ex instanceof NotFoundException && !(ex instanceof AccountNotFoundException),
                        ex -> Mono.just(new OrderPage(List.of(), 0, null)));
    }

    @Override
    public Mono<Disconnect> disconnect(String accountId, NewDisconnect request) {
        return client.exchange(accountId, UpstreamOperation.DISCONNECT, null, ResourceMapper.toXml(request),
                        "accounts", accountId, "disconnects")
                .map(response -> readDisconnect(response.body(), response.locationId()))
                .onErrorMap(WriteOutcomes::mayHaveBeenAccepted,
                        WriteOutcomes.unknown("disconnect", request.customerOrderId()));
    }

    @Override
    public Mono<Disconnect> disconnectOrder(String accountId, String disconnectId) {
        return client.exchange(accountId, UpstreamOperation.READ_DISCONNECT, null, null,
                        "accounts", accountId, "disconnects", disconnectId)
                .map(response -> readDisconnect(response.body(), disconnectId));
    }

    /** Parses a body after checking it carries no error: for resources whose errors are never data. */
    private <T> T readChecked(String body, Class<T> type) {
        rejectErrors(body);
        return BandwidthXml.readOptional(body, type);
    }

    private void rejectErrors(String body) {
        if (!EnvelopeXml.mayCarryError(body)) {
            return;
        }
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
        return ResourceMapper.toDisconnect(xml, fallbackId);
    }

    private void rejectUnlessStatus(String body, String orderStatus, String id) {
        if (orderStatus == null && id == null) {
            rejectErrors(body);
        }
    }

}
