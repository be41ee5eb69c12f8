package com.acme.numbers.bandwidth.mapping;

import java.util.List;

import com.acme.numbers.bandwidth.xml.OrderResponseXml;
import com.acme.numbers.bandwidth.xml.OrderXml.ExistingNumbersXml;
import com.acme.numbers.bandwidth.xml.OrderXml.ReservationIdListXml;
import com.acme.numbers.bandwidth.xml.OrderXml.SearchAndOrderXml;
import com.acme.numbers.bandwidth.xml.OrderXml.TnAttributesXml;
import com.acme.numbers.bandwidth.xml.OrderXml;
import com.acme.numbers.bandwidth.xml.TelephoneNumberListXml;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.SearchCriteria;

/**
 * Builds {@code <Order>} bodies with the exact Bandwidth order type for each selection, and reads
 * {@code OrderResponse} back.
 */
public final class OrderMapper {

    private OrderMapper() {
    }

    public static OrderXml toXml(NewOrder order) {
        NumberSelection s = order.selection();
        SearchCriteria c = s.criteria();
        Integer q = s.quantity();
        Boolean lca = s.localCallingArea();
        OrderXml.ExistingNumbersXml existing = null;
        SearchAndOrderXml areaCode = null, rateCenter = null, npaNxx = null, city = null, state = null, zip = null,
                lata = null, tfVanity = null, tfWildCard = null, combined = null;
        switch (s.type()) {
            case PHONE_NUMBERS -> existing = new ExistingNumbersXml(
                    TelephoneNumberListXml.of(s.phoneNumbers().stream().map(PhoneNumber::digits).toList()),
                    s.reservationIds().isEmpty() ? null : new ReservationIdListXml(s.reservationIds()));
            case AREA_CODE -> areaCode = search().areaCode(c.areaCode()).quantity(q).build();
            case NPA_NXX -> npaNxx = search().npaNxx(c.npaNxx()).lca(lca).quantity(q).build();
            case NPA_NXXX -> combined = search().npaNxxX(c.npaNxxx()).lca(lca).quantity(q).build();
            case RATE_CENTER -> rateCenter = search().rateCenter(c.rateCenter()).state(c.state()).lca(lca).quantity(q)
                    .build();
            case CITY -> city = search().city(c.city()).state(c.state()).quantity(q).build();
            case STATE -> state = search().state(c.state()).quantity(q).build();
            case ZIP -> zip = search().zip(c.zip()).quantity(q).build();
            case LATA -> lata = search().lata(c.lata()).quantity(q).build();
            case TOLL_FREE_VANITY -> tfVanity = search().tollFreeVanity(c.tollFreeVanity()).quantity(q).build();
            case TOLL_FREE_WILD_CARD -> tfWildCard = search().tollFreeWildCardPattern(c.tollFreeWildCardPattern())
                    .quantity(q).build();
            case LOCAL_VANITY -> combined = search().areaCode(c.areaCode()).rateCenter(c.rateCenter()).city(c.city())
                    .state(c.state()).zip(c.zip()).lata(c.lata()).npaNxx(c.npaNxx()).localVanity(c.localVanity())
                    .endsIn(c.endsIn()).lca(lca).quantity(q).build();
        }
        TnAttributesXml attributes = order.protectedNumbers() ? new TnAttributesXml(List.of("Protected")) : null;
        return new OrderXml(null, order.name(), order.customerOrderId(), order.siteId(), order.peerId(),
                order.partialAllowed(), order.backOrderRequested(), null, attributes, existing, areaCode, rateCenter,
                npaNxx, city, state, zip, lata, tfVanity, tfWildCard, combined);
    }

    public static NumberOrder toDomain(OrderResponseXml xml) {
        OrderXml order = xml.order() == null ? emptyOrder() : xml.order();
        return new NumberOrder(
                BandwidthMapper.trim(order.id()),
                order.name(),
                order.customerOrderId(),
                order.siteId(),
                order.peerId(),
                BandwidthMapper.status(xml.orderStatus()),
                BandwidthMapper.instant(order.orderCreateDate()),
                BandwidthMapper.instant(xml.orderCompleteDate()),
                BandwidthMapper.trim(xml.summary()),
                xml.completedNumbers() == null ? List.of()
                        : BandwidthMapper.phoneNumbers(xml.completedNumbers().telephoneNumbers(),
                                OrderResponseXml.FullNumberXml::fullNumber),
                xml.failedNumbers() == null ? List.of()
                        : BandwidthMapper.phoneNumbers(xml.failedNumbers().fullNumbers()),
                BandwidthMapper.errors(xml.errorList()));
    }

    private static OrderXml emptyOrder() {
        return new OrderXml(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static SearchBuilder search() {
        return new SearchBuilder();
    }

    /** Keeps the switch above readable: each order type names only the children it sends. */
    private static final class SearchBuilder {
        private String areaCode, rateCenter, city, state, zip, lata, npaNxx, npaNxxX, tollFreeVanity, pattern,
                localVanity;
        private Boolean endsIn, lca;
        private Integer quantity;

        SearchBuilder areaCode(String v) { areaCode = v; return this; }
        SearchBuilder rateCenter(String v) { rateCenter = v; return this; }
        SearchBuilder city(String v) { city = v; return this; }
        SearchBuilder state(String v) { state = v; return this; }
        SearchBuilder zip(String v) { zip = v; return this; }
        SearchBuilder lata(String v) { lata = v; return this; }
        SearchBuilder npaNxx(String v) { npaNxx = v; return this; }
        SearchBuilder npaNxxX(String v) { npaNxxX = v; return this; }
        SearchBuilder tollFreeVanity(String v) { tollFreeVanity = v; return this; }
        SearchBuilder tollFreeWildCardPattern(String v) { pattern = v; return this; }
        SearchBuilder localVanity(String v) { localVanity = v; return this; }
        SearchBuilder endsIn(Boolean v) { endsIn = v; return this; }
        SearchBuilder lca(Boolean v) { lca = v; return this; }
        SearchBuilder quantity(Integer v) { quantity = v; return this; }

        SearchAndOrderXml build() {
            return new SearchAndOrderXml(areaCode, rateCenter, city, state, zip, lata, npaNxx, npaNxxX,
                    tollFreeVanity, pattern, localVanity, endsIn, lca, quantity);
        }
    }
}
