package com.acme.numbers.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.OrderChecks.DryRun;
import com.acme.numbers.ordering.OrderChecks.Problem;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.model.AvailableNumber;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchKey;
import com.acme.numbers.ordering.model.SearchResult;
import com.acme.numbers.ordering.model.SelectionType;
import com.acme.numbers.support.MutableClock;

/** The dry run's checks on in-memory ports: each reason named with its field, and what would be bought. */
class OrderChecksTests {

    private static final PhoneNumber FREE = PhoneNumber.parse("9195550101");
    private static final PhoneNumber GONE = PhoneNumber.parse("9195550102");
    private static final PhoneNumber HELD = PhoneNumber.parse("9195550103");
    private static final String R_HELD = "00000000-0000-4000-8000-000000000001";
    private static final String R_SOON = "00000000-0000-4000-8000-000000000002";
    private static final String R_NONE = "00000000-0000-4000-8000-000000000003";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final List<NumberSearch> searches = new ArrayList<>();
    private final Map<String, Reservation> reservations = Map.of(
            R_HELD, new Reservation(R_HELD, HELD, clock.instant().plus(Duration.ofHours(4)), 14400),
            R_SOON, new Reservation(R_SOON, HELD, clock.instant().plus(Duration.ofMinutes(2)), 120));
    private final OrderChecks checks = new OrderChecks(new Inventory(), new Directory(), new Defaults(), clock);

    @Test
    void aGoodOrderIsValidAndListsItsNumbers() {
        DryRun run = checks.check("a", order(null, numbers(List.of(HELD, FREE), List.of(R_HELD)))).block();

        assertThat(run.problems()).isEmpty();
        assertThat(run.valid()).isTrue();
        assertThat(run.numbers()).containsExactly(HELD, FREE);
        assertThat(searches).extracting(s -> s.criteria().npaNxxx()).containsOnly("9195550");
    }

    @Test
    void eachReasonIsNamedWithItsField() {
        NewOrder order = new NewOrder("n", "1001", "999", null, true, false, false,
                numbers(List.of(HELD, HELD, FREE, GONE), List.of(R_HELD, R_SOON, R_NONE)));
        // the default site applies; the peer named is unknown
        DryRun run = checks.check("a", order).block();

        assertThat(run.valid()).isFalse();
        assertThat(run.problems()).extracting(Problem::field, Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("peerId", "sip_peer_not_found"),
                org.assertj.core.groups.Tuple.tuple("selection.reservationIds[1]", "reservation_expiring"),
                org.assertj.core.groups.Tuple.tuple("selection.reservationIds[2]", "reservation_not_found"),
                org.assertj.core.groups.Tuple.tuple("selection.phoneNumbers[3]", "number_unavailable"));
    }

    @Test
    void aReservationForAnotherNumberIsAMismatchAndAnUnknownSiteSkipsThePeer() {
        NewOrder order = new NewOrder("n", "77", "500001", null, true, false, false,
                numbers(List.of(FREE), List.of(R_HELD)));

        assertThat(checks.check("a", order).block().problems()).extracting(Problem::code)
                .containsExactly("site_not_found", "reservation_mismatch");
    }

    @Test
    void aSearchOrderIsCheckedForItsQuantityAndInvalidOrdersListTheirRules() {
        NumberSelection search = new NumberSelection(SelectionType.AREA_CODE, List.of(), List.of(),
                SearchCriteria.of(key -> key == SearchKey.AREA_CODE ? "919" : null), 3, null);
        DryRun run = checks.check("a", order(null, search)).block();
        assertThat(run.problems()).extracting(Problem::code).containsExactly("not_enough_numbers");
        assertThat(run.numbers()).containsExactly(FREE);

        DryRun invalid = checks.check("a", new NewOrder("", null, null, null, true, false, false, search)).block();
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.problems()).extracting(Problem::code).containsOnly("validation_failed");
        assertThat(invalid.problems()).extracting(Problem::field).contains("name");
    }

    private static NewOrder order(String site, NumberSelection selection) {
        return new NewOrder("n", site, null, null, true, false, false, selection);
    }

    private static NumberSelection numbers(List<PhoneNumber> numbers, List<String> reservationIds) {
        return NumberSelection.of(numbers, reservationIds);
    }

    private final class Inventory implements NumberInventory {

        @Override
        public Mono<SearchResult> search(String accountId, NumberSearch search) {
            searches.add(search);
            return Mono.just(new SearchResult(1, List.of(AvailableNumber.of(FREE))));
        }

        @Override
        public Mono<Reservation> reserve(String accountId, PhoneNumber number) {
            return Mono.error(new IllegalStateException("a dry run reserves nothing"));
        }

        @Override
        public Mono<Reservation> reservation(String accountId, String reservationId) {
            Reservation held = reservations.get(reservationId);
            return held == null ? Mono.error(new NotFoundException(reservationId, null)) : Mono.just(held);
        }

        @Override
        public Mono<Void> release(String accountId, String reservationId) {
            return Mono.error(new IllegalStateException("a dry run releases nothing"));
        }

        @Override
        public Mono<NumberDetails> details(String accountId, PhoneNumber number) {
            return Mono.error(new NotFoundException(number.e164(), null));
        }
    }

    private static final class Directory implements AccountDirectory {

        @Override
        public Mono<Boolean> siteExists(String accountId, String siteId) {
            return Mono.just("1001".equals(siteId));
        }

        @Override
        public Mono<Boolean> sipPeerExists(String accountId, String siteId, String peerId) {
            return Mono.just("500001".equals(peerId));
        }
    }

    private static final class Defaults implements AccountDefaults {

        @Override
        public Optional<String> siteId(String accountId) {
            return Optional.of("1001");
        }

        @Override
        public Optional<String> peerId(String accountId) {
            return Optional.of("500001");
        }
    }
}
