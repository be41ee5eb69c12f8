package com.acme.numbers.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.acme.numbers.sandbox.SandboxInventory.Tn;
import com.acme.numbers.sandbox.SandboxStore.Failure;

/**
 * One number order: its numbers picked at once (from a {@link SandboxOrderRequest}), and its final state
 * (COMPLETE, PARTIAL, FAILED or BACKORDERED) shown once it settles.
 */
final class SandboxOrder extends SandboxWork {

    private final SandboxOrderRequest draft;
    private final List<String> allocated;
    private final List<Failure> failures;
    private final String finalStatus;

    private SandboxOrder(SandboxOrderRequest draft, String user, Instant createdAt, Instant dueAt, List<String> allocated,
            List<Failure> failures, String finalStatus) {
        super(UUID.randomUUID().toString(), user, createdAt, dueAt);
        this.draft = draft;
        this.allocated = List.copyOf(allocated);
        this.failures = List.copyOf(failures);
        this.finalStatus = finalStatus;
    }

    /** Picks the numbers (under the store's lock) and decides how the order will end. */
    static SandboxOrder allocate(SandboxOrderRequest draft, SandboxStore store, String user, Instant now, Instant due) {
        List<String> picked = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (draft.isExisting()) {
            for (String number : draft.numbers()) {
                if (store.inventory().find(number) != null && store.takeable(number, draft.reservationIds())) {
                    picked.add(number);
                }
                else {
                    failures.add(new Failure("5005", "The telephone number is unavailable for ordering", number));
                }
            }
        }
        else {
            picked.addAll(store.searchFree(draft.criteria()::matches, draft.quantity()).stream().map(Tn::number)
                    .toList());
        }
        int requested = draft.quantity();
        String status;
        if (picked.size() == requested) {
            status = "COMPLETE";
        }
        else if (!picked.isEmpty() && draft.partialAllowed()) {
            status = "PARTIAL";
            if (!draft.isExisting()) {
                failures.add(new Failure("5017", "Only " + picked.size() + " of the " + requested
                        + " telephone numbers requested could be ordered", null));
            }
        }
        else if (draft.backOrder()) {
            status = "BACKORDERED";
            picked.clear();
            failures.add(new Failure("5521", "The order is backordered: no telephone numbers are allocated yet",
                    null));
        }
        else {
            status = "FAILED";
            picked.clear();
            if (!draft.isExisting()) {
                failures.add(new Failure("5018", "The entire quantity of telephone numbers ordered is unavailable",
                        null));
            }
        }
        return new SandboxOrder(draft, user, now, due, picked, failures, status);
    }

    SandboxOrderRequest draft() {
        return draft;
    }

    List<String> allocated() {
        return allocated;
    }

    Set<String> completed() {
        return settled() && (finalStatus.equals("COMPLETE") || finalStatus.equals("PARTIAL"))
                ? Set.copyOf(allocated) : Set.of();
    }

    List<Failure> failures() {
        return settled() ? failures : List.of();
    }

    List<String> failedNumbers() {
        return failures().stream().map(Failure::number).filter(n -> n != null).toList();
    }

    @Override
    String status() {
        return settled() ? finalStatus : "RECEIVED";
    }

    @Override
    String orderType() {
        return "orders";
    }

    @Override
    String customerOrderId() {
        return draft.customerOrderId();
    }

    @Override
    List<String> completedNumbers() {
        return allocated.stream().filter(completed()::contains).toList();
    }

    String summary() {
        int requested = draft.quantity();
        String noun = requested == 1 ? " number" : " numbers";
        if (!settled() || finalStatus.equals("FAILED") || finalStatus.equals("BACKORDERED")) {
            return requested + noun + " requested";
        }
        String npas = String.join(", ", allocated.stream().map(n -> n.substring(0, 3)).distinct().toList());
        return finalStatus.equals("PARTIAL")
                ? allocated.size() + " out of " + requested + " numbers ordered in (" + npas + ")"
                : allocated.size() + (allocated.size() == 1 ? " number" : " numbers") + " ordered in (" + npas + ")";
    }
}
