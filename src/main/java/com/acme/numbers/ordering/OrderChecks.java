package com.acme.numbers.ordering;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.model.AvailableNumber;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchKey;
import com.acme.numbers.ordering.model.SelectionType;

/**
 * A dry run of an order: every check the order would pass, reported instead of thrown, and never an order call.
 * Validation, the site and SIP peer at Bandwidth, each reservation (this account's, for that number, not expiring
 * within {@link #EXPIRY_MARGIN}), each unreserved number still available, and for a search-and-order whether the
 * search finds the quantity.
 */
public class OrderChecks {

    /** A reservation that runs out sooner than this might be gone by the time the order reaches Bandwidth. */
    public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);

    /** One reason the order would fail: the field (a JSON-pointer-like path), a code and a sentence. */
    public record Problem(String field, String code, String detail) {
    }

    /** What the dry run found: valid when no problem, and the numbers the order would buy (when known). */
    public record DryRun(boolean valid, List<Problem> problems, List<PhoneNumber> numbers) {
    }

    private final NumberInventory inventory;
    private final AccountDirectory directory;
    private final AccountDefaults defaults;
    private final Clock clock;

    public OrderChecks(NumberInventory inventory, AccountDirectory directory, AccountDefaults defaults, Clock clock) {
        this.inventory = inventory;
        this.directory = directory;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Mono<DryRun> check(String accountId, NewOrder request) {
        return Mono.defer(() -> {
            NewOrder order = defaults.appliedTo(accountId, request);
            try {
                OrderRules.validate(order);
            }
            catch (InvalidRequestException invalid) {
                return Mono.just(new DryRun(false, invalid.problems().stream()
                        .map(p -> new Problem(p.field(), "validation_failed", p.message())).toList(), List.of()));
            }
            Mono<List<PhoneNumber>> wouldBuy = wouldBuy(accountId, order.selection()).cache();
            return Flux.concat(siteAndPeer(accountId, order), numbers(accountId, order.selection(), wouldBuy))
                    .collectList()
                    .zipWith(wouldBuy, (problems, numbers) -> new DryRun(problems.isEmpty(), problems, numbers));
        });
    }

    private Flux<Problem> siteAndPeer(String accountId, NewOrder order) {
        Mono<Problem> site = directory.siteExists(accountId, order.siteId()).filter(exists -> !exists)
                .map(missing -> new Problem("siteId", "site_not_found", "The account has no site " + order.siteId()
                        + "."));
        if (order.peerId() == null) {
            return site.flux();
        }
        Mono<Problem> peer = directory.sipPeerExists(accountId, order.siteId(), order.peerId())
                .filter(exists -> !exists)
                .map(missing -> new Problem("peerId", "sip_peer_not_found", "Site " + order.siteId()
                        + " has no SIP peer " + order.peerId() + "."));
        return site.flux().switchIfEmpty(peer);
    }

    private Flux<Problem> numbers(String accountId, NumberSelection selection, Mono<List<PhoneNumber>> wouldBuy) {
        if (selection.type() != SelectionType.PHONE_NUMBERS) {
            int quantity = quantity(selection);
            return wouldBuy.filter(found -> found.size() < quantity)
                    .map(found -> new Problem("selection.quantity", "not_enough_numbers", "The search finds "
                            + found.size() + " of the " + quantity + " numbers the order asks for."))
                    .flux();
        }
        List<Mono<Problem>> checks = new ArrayList<>();
        for (int i = 0; i < selection.phoneNumbers().size(); i++) {
            checks.add(i < selection.reservationIds().size() ? reservation(accountId, selection, i)
                    : available(accountId, selection.phoneNumbers().get(i), "selection.phoneNumbers[" + i + "]"));
        }
        return Flux.concat(checks);
    }

    /** An unreserved number must still be found by a search of its NPA-NXX-X block. */
    private Mono<Problem> available(String accountId, PhoneNumber number, String field) {
        SearchCriteria block = SearchCriteria.of(key -> key == SearchKey.NPA_NXXX
                ? number.digits().substring(0, 7) : null);
        return inventory.search(accountId, new NumberSearch(block, 1000, false, null, null, null))
                .filter(found -> found.numbers().stream().noneMatch(n -> n.phoneNumber().equals(number)))
                .map(notFound -> new Problem(field, "number_unavailable", number.e164()
                        + " is no longer available; reserve it first to hold it."));
    }

    private Mono<Problem> reservation(String accountId, NumberSelection selection, int index) {
        String field = "selection.reservationIds[" + index + "]";
        String id = selection.reservationIds().get(index);
        PhoneNumber number = index < selection.phoneNumbers().size() ? selection.phoneNumbers().get(index) : null;
        return inventory.reservation(accountId, id)
                .<Problem>handle((held, sink) -> {
                    if (number != null && !held.phoneNumber().equals(number)) {
                        sink.next(new Problem(field, "reservation_mismatch", "Reservation " + id + " holds "
                                + held.phoneNumber().e164() + ", not " + number.e164() + "."));
                    }
                    else if (held.expiresAt() != null
                            && held.expiresAt().isBefore(clock.instant().plus(EXPIRY_MARGIN))) {
                        sink.next(new Problem(field, "reservation_expiring", "Reservation " + id + " runs out at "
                                + held.expiresAt() + ", within " + EXPIRY_MARGIN.toMinutes() + " minutes."));
                    }
                })
                .onErrorResume(NotFoundException.class, gone -> Mono.just(new Problem(field, "reservation_not_found",
                        "This account holds no reservation " + id + " (it expired or was released).")));
    }

    private Mono<List<PhoneNumber>> wouldBuy(String accountId, NumberSelection selection) {
        if (selection.type() == SelectionType.PHONE_NUMBERS) {
            return Mono.just(selection.phoneNumbers());
        }
        return inventory.search(accountId, new NumberSearch(selection.criteria(), quantity(selection), false,
                        selection.localCallingArea(), null, null))
                .map(result -> result.numbers().stream().map(AvailableNumber::phoneNumber).toList());
    }

    private static int quantity(NumberSelection selection) {
        return selection.quantity() == null ? 1 : selection.quantity();
    }
}
