package com.acme.numbers.bandwidth.mapping;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.acme.numbers.bandwidth.xml.DisconnectXml;
import com.acme.numbers.bandwidth.xml.OrderListXml;
import com.acme.numbers.bandwidth.xml.ReservationXml;
import com.acme.numbers.bandwidth.xml.TelephoneNumberListXml;
import com.acme.numbers.bandwidth.xml.TnDetailsXml;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderQuery;
import com.acme.numbers.ordering.model.OrderSummary;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;

/**
 * Bandwidth's reservation, number, disconnect and order-list documents in the domain's terms, and the order list's
 * query and paging links in Bandwidth's; the search and order documents have their own mappers.
 */
public final class ResourceMapper {

    private static final Pattern NEXT_PAGE = Pattern.compile("[?&]page=([^&>;]+)");

    private ResourceMapper() {
    }

    /** A disconnect, its id from the answer or, when Bandwidth gave none there, from the Location it sent. */
    /** The body of {@code POST /disconnects}. */
    public static DisconnectXml toXml(NewDisconnect request) {
        return new DisconnectXml(null, request.name(), request.customerOrderId(), null, new DisconnectXml.TypeXml(
                TelephoneNumberListXml.of(request.phoneNumbers().stream().map(PhoneNumber::digits).toList()),
                request.mode().name().toLowerCase(Locale.ROOT)));
    }

    public static Disconnect toDisconnect(DisconnectXml.ResponseXml xml, String fallbackId) {
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

    /** A reservation; Bandwidth gives its lifetime in seconds, which becomes an expiry from {@code now}. */
    public static Reservation toReservation(ReservationXml.ResponseXml xml, String requestedId, Instant now) {
        ReservationXml reservation = xml == null ? null : xml.reservation();
        PhoneNumber number = reservation == null ? null : BandwidthMapper.phoneNumber(reservation.reservedTn());
        if (number == null) {
            throw new UpstreamFailureException("Bandwidth answered with a reservation without a number");
        }
        long seconds = reservation.reservationExpires() == null ? 0 : Math.max(0, reservation.reservationExpires());
        String id = reservation.reservationId() != null ? reservation.reservationId().trim() : requestedId;
        return new Reservation(id, number, now.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS),
                seconds);
    }

    public static NumberDetails toDetails(TnDetailsXml xml, String accountId, PhoneNumber number) {
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

    public static MultiValueMap<String, String> orderListQuery(OrderQuery query) {
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

    /** A page of the order list; the next page is the {@code page} of Bandwidth's {@code next} link. */
    public static OrderPage toPage(OrderListXml xml) {
        if (xml == null || xml.list() == null) {
            return new OrderPage(List.of(), 0, null);
        }
        OrderListXml.ListXml list = xml.list();
        List<OrderSummary> rows = list.rows() == null ? List.of()
                : list.rows().stream().filter(row -> row.orderId() != null).map(ResourceMapper::toSummary).toList();
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
