package com.acme.numbers.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.error.OutcomeUnknownException;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.DisconnectMode;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderQuery;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.OrderSummary;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchResult;
import com.acme.numbers.ordering.model.SelectionType;

/** The use cases with in-memory ports: invalid requests fail with named fields and never reach a port. */
class OrderingServiceTests {

    private final RecordingPorts ports = new RecordingPorts();
    private final OrderingService service = new OrderingService(ports, ports, new AccountDefaults() {
        @Override
        public Optional<String> siteId(String accountId) {
            return "with-defaults".equals(accountId) ? Optional.of("1001") : Optional.empty();
        }

        @Override
        public Optional<String> peerId(String accountId) {
            return "with-defaults".equals(accountId) ? Optional.of("500001") : Optional.empty();
        }
    }, Clock.systemUTC());

    @Test
    void validSearchReachesThePort() {
        service.search("a", search(criteria().areaCode("919"), 5)).block();

        assertThat(ports.calls).containsExactly("search");
    }

    @Test
    void searchNeedsAKey() {
        assertInvalid(() -> service.search("a", search(criteria(), 5)).block(), "search");
    }

    @Test
    void searchKeysAreCheckedForFormatAndPairs() {
        assertInvalid(() -> service.search("a", search(criteria().areaCode("119"), 5)).block(), "areaCode");
        assertInvalid(() -> service.search("a", search(criteria().npaNxx("91955"), 5)).block(), "npaNxx");
        assertInvalid(() -> service.search("a", search(criteria().npaNxxx("919555"), 5)).block(), "npaNxxx");
        assertInvalid(() -> service.search("a", search(criteria().rateCenter("RALEIGH"), 5)).block(), "state");
        assertInvalid(() -> service.search("a", search(criteria().city("Raleigh"), 5)).block(), "state");
        assertInvalid(() -> service.search("a", search(criteria().state("nc"), 5)).block(), "state");
        assertInvalid(() -> service.search("a", search(criteria().zip("2760"), 5)).block(), "zip");
        assertInvalid(() -> service.search("a", search(criteria().lata("123456"), 5)).block(), "lata");
        assertInvalid(() -> service.search("a", search(criteria().localVanity("AB"), 5)).block(), "localVanity");
        assertInvalid(() -> service.search("a", search(criteria().tollFreeWildCardPattern("9**"), 5)).block(),
                "tollFreeWildCardPattern");
        assertInvalid(() -> service.search("a", search(criteria().areaCode("919"), 0)).block(), "quantity");
        assertInvalid(() -> service.search("a", search(criteria().areaCode("919"), 5001)).block(), "quantity");
    }

    @Test
    void tollFreeSearchesStandAlone() {
        assertInvalid(() -> service.search("a", search(criteria().tollFreeVanity("FLOWERS").areaCode("919"), 5))
                .block(), "search");
        assertInvalid(() -> service.search("a", search(criteria().tollFreeVanity("FLOWERS")
                .tollFreeWildCardPattern("8**"), 5)).block(), "tollFreeVanity");
        assertInvalid(() -> service.search("a", new NumberSearch(criteria().tollFreeVanity("FLOWERS").build(), 5,
                false, true, null, null)).block(), "localCallingArea");
    }

    @Test
    void optionsOnlyWhereBandwidthAllowsThem() {
        assertInvalid(() -> service.search("a", new NumberSearch(criteria().areaCode("919").build(), 5, false, true,
                null, null)).block(), "localCallingArea");
        assertInvalid(() -> service.search("a", new NumberSearch(criteria().areaCode("919").build(), 5, false, null,
                "fullNumber", null)).block(), "orderBy");
        assertInvalid(() -> service.search("a", new NumberSearch(criteria().npaNxx("919555").build(), 5, false, null,
                "byPrice", null)).block(), "orderBy");
        assertInvalid(() -> service.search("a", new NumberSearch(criteria().areaCode("919").build(), 5, false, null,
                null, "SOME")).block(), "protectedStatus");
        assertInvalid(() -> service.search("a", search(criteria().areaCode("919").endsIn(true), 5)).block(), "endsIn");
        service.search("a", new NumberSearch(criteria().npaNxx("919555").build(), 5, true, false, "npaNxx", "ONLY"))
                .block();
        assertThat(ports.calls).containsExactly("search");
    }

    @Test
    void orderUsesTheAccountsDefaultSiteAndPeer() {
        service.placeOrder("with-defaults", order(null, areaCodeSelection(2))).block();

        assertThat(ports.orders).singleElement().satisfies(o -> {
            assertThat(o.siteId()).isEqualTo("1001");
            assertThat(o.peerId()).isEqualTo("500001");
        });
    }

    @Test
    void orderWithoutSiteOrDefaultIsInvalid() {
        assertInvalid(() -> service.placeOrder("a", order(null, areaCodeSelection(2))).block(), "siteId");
    }

    @Test
    void orderFieldsAreChecked() {
        NumberSelection selection = areaCodeSelection(2);
        assertInvalid(() -> service.placeOrder("a", new NewOrder(" ", "1", null, null, true, false, false, selection))
                .block(), "name");
        assertInvalid(() -> service.placeOrder("a", new NewOrder("x".repeat(51), "1", null, null, true, false, false,
                selection)).block(), "name");
        assertInvalid(() -> service.placeOrder("a", new NewOrder("n", "1", null, "bad_id!", true, false, false,
                selection)).block(), "customerOrderId");
        assertInvalid(() -> service.placeOrder("a", new NewOrder("n", "x1", null, null, true, false, false, selection))
                .block(), "siteId");
        assertInvalid(() -> service.placeOrder("a", order("1", areaCodeSelection(0))).block(), "selection.quantity");
        assertInvalid(() -> service.placeOrder("a", order("1", null)).block(), "selection.type");
    }

    @Test
    void anOrderOnceFindsTheEarlierOrderByItsReferenceAndDoesNotBuyAgain() {
        ports.earlier = new OrderPage(List.of(summary("o-1")), 1, null);
        ports.known = placed("o-1", OrderStatus.COMPLETE);

        NumberOrder found = service.placeOrderOnce("a", referenced("ref-1")).block();

        assertThat(found.id()).isEqualTo("o-1");
        assertThat(ports.calls).containsExactly("orders", "order");
    }

    @Test
    void anOrderOnceWithoutAnEarlierOrderPlacesIt() {
        assertThat(service.placeOrderOnce("a", referenced("ref-2")).block().id()).isEqualTo("o");
        assertThat(service.placeOrderOnce("a", order("1", areaCodeSelection(1))).block().id()).isEqualTo("o");
        assertThat(ports.calls).containsExactly("orders", "place", "place");
    }

    /* An order whose answer was lost is looked up by its reference: found, it is the answer; not found, unknown. */
    @Test
    void anUnknownOutcomeIsResolvedByLookingTheOrderUp() {
        ports.placeFails = new OutcomeUnknownException("order", "ref-3", true);
        assertThatThrownBy(() -> service.placeOrder("a", referenced("ref-3")).block())
                .isInstanceOf(OutcomeUnknownException.class);
        assertThatThrownBy(() -> service.placeOrder("a", order("1", areaCodeSelection(1))).block())
                .isInstanceOf(OutcomeUnknownException.class);
        assertThat(ports.calls).containsExactly("place", "orders", "place");

        ports.earlier = new OrderPage(List.of(summary("o-3")), 1, null);
        ports.known = placed("o-3", OrderStatus.RECEIVED);
        assertThat(service.placeOrder("a", referenced("ref-3")).block().id()).isEqualTo("o-3");
    }

    @Test
    void waitingForAnOrderAnswersTheFirstStateThatLeftReceivedAndNoWaitAsksNothing() {
        NumberOrder received = placed("o-4", OrderStatus.RECEIVED);
        assertThat(service.awaitOrder("a", received, Duration.ZERO).block()).isSameAs(received);
        assertThat(ports.calls).isEmpty();

        ports.known = placed("o-4", OrderStatus.COMPLETE);
        assertThat(service.awaitOrder("a", received, Duration.ofSeconds(5)).block().status())
                .isEqualTo(OrderStatus.COMPLETE);
        assertThat(ports.calls).containsExactly("order");
    }

    @Test
    void readsAndHoldsGoStraightToTheirPort() {
        service.reserve("a", PhoneNumber.parse("9195550101")).block();
        service.reservation("a", "r").block();
        service.release("a", "r").block();
        service.numberDetails("a", PhoneNumber.parse("9195550101")).block();
        service.order("a", "o").block();
        service.disconnectOrder("a", "d").block();
        assertThat(ports.calls).containsExactly("reserve", "reservation", "release", "details", "order",
                "disconnectOrder");
    }

    private static NewOrder referenced(String reference) {
        return new NewOrder("Support line", "1", null, reference, true, false, false, areaCodeSelection(1));
    }

    private static NumberOrder placed(String id, OrderStatus status) {
        return new NumberOrder(id, "Support line", null, "1", null, status, Instant.EPOCH, null, null, List.of(),
                List.of(), List.of());
    }

    private static OrderSummary summary(String id) {
        return new OrderSummary(id, OrderStatus.RECEIVED, null, Instant.EPOCH, Instant.EPOCH, 1);
    }

    /* Bandwidth's bounds for a search-and-order and a search: 1 and 5000 pass, 0 and 5001 never reach it. */
    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 5000, 5001 })
    void quantitiesFrom1To5000PassAndNoOthers(int quantity) {
        boolean allowed = quantity >= 1 && quantity <= 5000;
        if (allowed) {
            service.placeOrder("a", order("1", areaCodeSelection(quantity))).block();
            service.search("a", search(criteria().areaCode("919"), quantity)).block();
            assertThat(ports.calls).containsExactly("place", "search");
        }
        else {
            assertInvalid(() -> service.placeOrder("a", order("1", areaCodeSelection(quantity))).block(),
                    "selection.quantity");
            assertInvalid(() -> service.search("a", search(criteria().areaCode("919"), quantity)).block(),
                    "quantity");
            assertThat(ports.calls).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SelectionType.class, names = { "PHONE_NUMBERS", "NPA_NXX", "NPA_NXXX", "LOCAL_VANITY",
            "TOLL_FREE_VANITY" })
    void backOrdersAreRefusedWhereBandwidthRefusesThem(SelectionType type) {
        NumberSelection selection = type == SelectionType.PHONE_NUMBERS
                ? NumberSelection.of(List.of(PhoneNumber.parse("9195550101")), List.of())
                : new NumberSelection(type, List.of(), List.of(), criteria().npaNxx("919555").npaNxxx("9195551")
                        .localVanity("CAFE").tollFreeVanity("FLOWERS").build(), 1, null);
        NewOrder order = new NewOrder("n", "1", null, null, true, true, false, selection);

        assertThatThrownBy(() -> service.placeOrder("a", order).block()).isInstanceOf(InvalidRequestException.class)
                .satisfies(ex -> assertThat(((InvalidRequestException) ex).problems())
                        .extracting(FieldProblem::field).contains("backOrderRequested"));
        assertThat(ports.calls).isEmpty();
    }

    @Test
    void selectionsNeedTheirKeysAndRefuseOthers() {
        assertInvalid(() -> service.placeOrder("a", order("1", new NumberSelection(SelectionType.RATE_CENTER,
                List.of(), List.of(), criteria().rateCenter("RALEIGH").build(), 1, null))).block(), "selection.state");
        assertInvalid(() -> service.placeOrder("a", order("1", new NumberSelection(SelectionType.AREA_CODE,
                List.of(), List.of(), criteria().areaCode("919").zip("27606").build(), 1, null))).block(),
                "selection.zip");
        assertInvalid(() -> service.placeOrder("a", order("1", new NumberSelection(SelectionType.STATE, List.of(),
                List.of(), criteria().state("NC").build(), 1, true))).block(), "selection.localCallingArea");
        assertInvalid(() -> service.placeOrder("a", order("1", new NumberSelection(SelectionType.TOLL_FREE_WILD_CARD,
                List.of(), List.of(), criteria().build(), 1, null))).block(), "selection.pattern");
        assertInvalid(() -> service.placeOrder("a", order("1", new NumberSelection(SelectionType.PHONE_NUMBERS,
                List.of(), List.of(), null, null, null))).block(), "selection.phoneNumbers");
        assertInvalid(() -> service.placeOrder("a", order("1", new NumberSelection(SelectionType.PHONE_NUMBERS,
                List.of(PhoneNumber.parse("9195550101")), List.of(), criteria().areaCode("919").build(), 2, null)))
                .block(), "selection.quantity");
        service.placeOrder("a", order("1", new NumberSelection(SelectionType.LOCAL_VANITY, List.of(), List.of(),
                criteria().localVanity("CAFE").areaCode("919").endsIn(true).build(), 1, false))).block();
        assertThat(ports.calls).containsExactly("place");
    }

    @Test
    void disconnectsNeedOneToFiveThousandNumbers() {
        assertInvalid(() -> service.disconnect("a", new NewDisconnect(null, null, List.of(), DisconnectMode.NORMAL))
                .block(), "phoneNumbers");
        service.disconnect("a", new NewDisconnect(null, null, List.of(PhoneNumber.parse("9195550101")),
                DisconnectMode.PURGE)).block();
        assertThat(ports.calls).containsExactly("disconnect");
    }

    @Test
    void orderListsCheckPagingAndDates() {
        assertInvalid(() -> service.orders("a", new OrderQuery(null, null, null, null, 0, "1")).block(), "size");
        assertInvalid(() -> service.orders("a", new OrderQuery(null, null, java.time.LocalDate.parse("2026-11-28"),
                java.time.LocalDate.parse("2026-11-01"), 20, "1")).block(), "from");
    }

    private void assertInvalid(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidRequestException.class)
                .satisfies(ex -> assertThat(((InvalidRequestException) ex).problems())
                        .extracting(FieldProblem::field).contains(field));
        assertThat(ports.calls).as("nothing reaches the ports").isEmpty();
    }

    private static NumberSearch search(CriteriaBuilder criteria, int quantity) {
        return new NumberSearch(criteria.build(), quantity, false, null, null, null);
    }

    private static NewOrder order(String site, NumberSelection selection) {
        return new NewOrder("Support line", site, null, null, true, false, false, selection);
    }

    private static NumberSelection areaCodeSelection(int quantity) {
        return new NumberSelection(SelectionType.AREA_CODE, List.of(), List.of(), criteria().areaCode("919").build(),
                quantity, null);
    }

    static CriteriaBuilder criteria() {
        return new CriteriaBuilder();
    }

    /** Test data builder for {@link SearchCriteria}. */
    static final class CriteriaBuilder {
        private String areaCode, npaNxx, npaNxxx, rateCenter, state, city, zip, lata, localVanity, tollFreeVanity,
                pattern;
        private Boolean endsIn;

        CriteriaBuilder areaCode(String v) { areaCode = v; return this; }
        CriteriaBuilder npaNxx(String v) { npaNxx = v; return this; }
        CriteriaBuilder npaNxxx(String v) { npaNxxx = v; return this; }
        CriteriaBuilder rateCenter(String v) { rateCenter = v; return this; }
        CriteriaBuilder state(String v) { state = v; return this; }
        CriteriaBuilder city(String v) { city = v; return this; }
        CriteriaBuilder zip(String v) { zip = v; return this; }
        CriteriaBuilder lata(String v) { lata = v; return this; }
        CriteriaBuilder localVanity(String v) { localVanity = v; return this; }
        CriteriaBuilder endsIn(Boolean v) { endsIn = v; return this; }
        CriteriaBuilder tollFreeVanity(String v) { tollFreeVanity = v; return this; }
        CriteriaBuilder tollFreeWildCardPattern(String v) { pattern = v; return this; }

        SearchCriteria build() {
            return new SearchCriteria(areaCode, npaNxx, npaNxxx, rateCenter, state, city, zip, lata, localVanity,
                    endsIn, tollFreeVanity, pattern);
        }
    }

    /** In-memory ports that record which operation was called. */
    static final class RecordingPorts implements NumberInventory, NumberOrdering {
        final List<String> calls = new ArrayList<>();
        final List<NewOrder> orders = new ArrayList<>();
        /** What a look-up by reference finds, what reading an order answers, and how placing fails (if it does). */
        OrderPage earlier = new OrderPage(List.of(), 0, null);
        NumberOrder known;
        RuntimeException placeFails;

        @Override
        public Mono<SearchResult> search(String accountId, NumberSearch search) {
            calls.add("search");
            return Mono.just(new SearchResult(0, List.of()));
        }

        @Override
        public Mono<Reservation> reserve(String accountId, PhoneNumber number) {
            calls.add("reserve");
            return Mono.just(new Reservation("r", number, Instant.EPOCH, 0));
        }

        @Override
        public Mono<Reservation> reservation(String accountId, String reservationId) {
            calls.add("reservation");
            return Mono.empty();
        }

        @Override
        public Mono<Void> release(String accountId, String reservationId) {
            calls.add("release");
            return Mono.empty();
        }

        @Override
        public Mono<NumberDetails> details(String accountId, PhoneNumber number) {
            calls.add("details");
            return Mono.empty();
        }

        @Override
        public Mono<NumberOrder> place(String accountId, NewOrder order) {
            calls.add("place");
            orders.add(order);
            if (placeFails != null) {
                return Mono.error(placeFails);
            }
            return Mono.just(new NumberOrder("o", order.name(), null, order.siteId(), order.peerId(),
                    OrderStatus.RECEIVED, Instant.EPOCH, null, null, List.of(), List.of(), List.of()));
        }

        @Override
        public Mono<NumberOrder> order(String accountId, String orderId) {
            calls.add("order");
            return Mono.justOrEmpty(known);
        }

        @Override
        public Mono<OrderPage> orders(String accountId, OrderQuery query) {
            calls.add("orders");
            return Mono.just(earlier);
        }

        @Override
        public Mono<Disconnect> disconnect(String accountId, NewDisconnect request) {
            calls.add("disconnect");
            return Mono.just(new Disconnect("d", null, null, OrderStatus.RECEIVED, Instant.EPOCH,
                    request.phoneNumbers(), List.of(), List.of()));
        }

        @Override
        public Mono<Disconnect> disconnectOrder(String accountId, String disconnectId) {
            calls.add("disconnectOrder");
            return Mono.empty();
        }
    }
}
