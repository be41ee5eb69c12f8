package com.acme.numbers.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.error.AccountNotFoundException;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.NumberUnavailableException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;
import com.acme.numbers.ordering.model.AvailableNumber;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.ReservationBatch;
import com.acme.numbers.ordering.model.ReservationBatch.State;
import com.acme.numbers.ordering.model.ReservationBatch.Status;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchKey;
import com.acme.numbers.ordering.model.SearchResult;
import com.acme.numbers.support.MutableClock;

/** The batch rules on an in-memory inventory: all or none, what it can, retries only of calls never sent. */
class ReservationBatchesTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final Inventory inventory = new Inventory();
    private final ReservationBatches batches = new ReservationBatches(inventory,
            new InMemoryReservationBatchStore(clock, Duration.ofHours(24), 100), clock);

    @Test
    void everyNumberHeldIsReservedAndSavedForItsAccountOnly() {
        ReservationBatch batch = batches.reserve("a", numbers(1, 5), true).block();

        assertThat(batch.status()).isEqualTo(Status.RESERVED);
        assertThat(batch.entries()).extracting(ReservationBatch.Entry::state).containsOnly(State.RESERVED);
        assertThat(batch.entries()).extracting(ReservationBatch.Entry::phoneNumber).isEqualTo(numbers(1, 5));
        assertThat(batches.batch("a", batch.id()).block()).isEqualTo(batch);
        assertThatThrownBy(() -> batches.batch("b", batch.id()).block()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void atomicReleasesWhatItHeldAndKeepsBandwidthsReason() {
        inventory.taken.add(number(3));

        ReservationBatch batch = batches.reserve("a", numbers(1, 5), true).block();

        assertThat(batch.status()).isEqualTo(Status.ABORTED);
        assertThat(batch.held()).isEmpty();
        assertThat(inventory.released).hasSize(4);
        ReservationBatch.Entry failed = batch.entries().get(2);
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.code()).isEqualTo("number_unavailable");
        assertThat(failed.upstreamCode()).isEqualTo("5041");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void notAtomicKeepsWhatItGotAndAReleaseLaterLetsGo() {
        inventory.taken.add(number(3));
        inventory.timesOut.add(number(4));

        ReservationBatch batch = batches.reserve("a", numbers(1, 5), false).block();

        assertThat(batch.status()).isEqualTo(Status.PARTIAL);
        assertThat(batch.held()).hasSize(3);
        assertThat(batch.entries().get(3).code()).isEqualTo("upstream_timeout");
        assertThat(batch.entries().get(3).retryable()).isTrue();
        assertThat(inventory.released).isEmpty();

        ReservationBatch released = batches.release("a", batch.id()).block();
        assertThat(released.status()).isEqualTo(Status.RELEASED);
        assertThat(released.held()).isEmpty();
        assertThat(inventory.released).hasSize(3);
        assertThat(batches.batch("a", batch.id()).block().status()).isEqualTo(Status.RELEASED);
    }

    @Test
    void aCallTheRateLimitRefusedWaitsAndGoesAgainOnce() {
        inventory.throttledOnce.add(number(2));

        ReservationBatch batch = batches.reserve("a", numbers(1, 3), true).block();

        assertThat(batch.status()).isEqualTo(Status.RESERVED);
        assertThat(inventory.reserveCalls.get(number(2))).isEqualTo(2);
        assertThat(inventory.reserveCalls.get(number(1))).isEqualTo(1);
    }

    @Test
    void anUnknownAccountFailsTheWholeBatch() {
        assertThatThrownBy(() -> batches.reserve("nobody", numbers(1, 2), true).block())
                .isInstanceOf(AccountNotFoundException.class);
    }

    @Test
    void sizeAndDuplicatesAreCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> batches.reserve("a", List.of(), true).block())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> batches.reserve("a", numbers(1, 101), true).block())
                .isInstanceOf(InvalidRequestException.class);
        assertThat(batches.reserve("a", numbers(1, 100), true).block().held()).hasSize(100);
        assertThatThrownBy(() -> batches.reserve("a", List.of(number(1), number(1)), true).block())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> batches.reserveFound("a", areaCode(), 0, true).block())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> batches.reserveFound("a", areaCode(), 101, true).block())
                .isInstanceOf(InvalidRequestException.class);
        assertThat(inventory.reserveCalls).hasSize(100);
    }

    @Test
    void searchAndReserveSearchesAgainForNumbersTakenMeanwhile() {
        inventory.available.addAll(numbers(1, 10));
        inventory.taken.addAll(List.of(number(2), number(4)));

        ReservationBatch batch = batches.reserveFound("a", areaCode(), 5, true).block();

        assertThat(batch.status()).isEqualTo(Status.RESERVED);
        assertThat(batch.held()).extracting(ReservationBatch.Entry::phoneNumber)
                .containsExactly(number(1), number(3), number(5), number(6), number(7));
        assertThat(inventory.searches).isEqualTo(2);
    }

    @Test
    void aSearchThatRunsDryAbortsWhenAtomicAndKeepsWhatItGotWhenNot() {
        inventory.available.addAll(numbers(1, 3));
        ReservationBatch atomic = batches.reserveFound("a", areaCode(), 5, true).block();
        assertThat(atomic.status()).isEqualTo(Status.ABORTED);
        assertThat(atomic.held()).isEmpty();

        ReservationBatch partial = batches.reserveFound("a", areaCode(), 5, false).block();
        assertThat(partial.status()).isEqualTo(Status.PARTIAL);
        assertThat(partial.held()).hasSize(3);
    }

    private static SearchCriteria areaCode() {
        return SearchCriteria.of(key -> key == SearchKey.AREA_CODE ? "919" : null);
    }

    private static PhoneNumber number(int n) {
        return PhoneNumber.parse(String.format("919555%04d", n));
    }

    private static List<PhoneNumber> numbers(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(ReservationBatchesTests::number).toList();
    }

    /** Holds numbers in memory; taken ones fail as Bandwidth's 5041, some time out, some are throttled once. */
    private final class Inventory implements NumberInventory {

        /** Held by someone else: found by a search, refused at reservation. */
        final Set<PhoneNumber> taken = Collections.synchronizedSet(new HashSet<>());
        final Set<PhoneNumber> heldByUs = Collections.synchronizedSet(new HashSet<>());
        final Set<PhoneNumber> timesOut = new HashSet<>();
        final Set<PhoneNumber> throttledOnce = Collections.synchronizedSet(new HashSet<>());
        final List<PhoneNumber> available = new ArrayList<>();
        final Map<PhoneNumber, Integer> reserveCalls = new ConcurrentHashMap<>();
        final List<String> released = Collections.synchronizedList(new ArrayList<>());
        int searches;

        @Override
        public Mono<SearchResult> search(String accountId, NumberSearch search) {
            searches++;
            List<AvailableNumber> found = available.stream().filter(n -> !heldByUs.contains(n)).limit(search.quantity())
                    .map(AvailableNumber::of).toList();
            return Mono.just(new SearchResult(found.size(), found));
        }

        @Override
        public Mono<Reservation> reserve(String accountId, PhoneNumber number) {
            return Mono.defer(() -> {
                reserveCalls.merge(number, 1, Integer::sum);
                if ("nobody".equals(accountId)) {
                    return Mono.error(new AccountNotFoundException(accountId));
                }
                if (throttledOnce.remove(number)) {
                    return Mono.error(new UpstreamThrottledException(Duration.ofMillis(10)));
                }
                if (timesOut.contains(number)) {
                    return Mono.error(new UpstreamTimeoutException("no answer"));
                }
                if (taken.contains(number) || !heldByUs.add(number)) {
                    return Mono.error(new NumberUnavailableException("not available", "5041"));
                }
                return Mono.just(new Reservation("r-" + number.digits(), number, clock.instant().plusSeconds(14400),
                        14400));
            });
        }

        @Override
        public Mono<Reservation> reservation(String accountId, String reservationId) {
            return Mono.error(new NotFoundException(reservationId, null));
        }

        @Override
        public Mono<Void> release(String accountId, String reservationId) {
            return Mono.fromRunnable(() -> {
                released.add(reservationId);
                heldByUs.remove(PhoneNumber.parse(reservationId.substring("r-".length())));
            });
        }

        @Override
        public Mono<NumberDetails> details(String accountId, PhoneNumber number) {
            return Mono.error(new NotFoundException(number.e164(), null));
        }
    }
}
