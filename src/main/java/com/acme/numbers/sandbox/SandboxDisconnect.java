package com.acme.numbers.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.acme.numbers.sandbox.SandboxStore.Failure;
import com.acme.numbers.sandbox.xml.SandboxError;
import com.acme.numbers.sandbox.xml.XmlInput;

/** One disconnect order: numbers in service on the account age (or are purged) once it settles. */
final class SandboxDisconnect extends SandboxWork {

    private static final Set<String> MODES = Set.of("normal", "purge", "soft-remove");

    /** A validated disconnect request. */
    record Draft(XmlInput xml, String name, String customerOrderId, List<String> numbers, String mode,
            String protectedValue) {
    }

    private final Draft draft;
    private final List<String> accepted;
    private final List<Failure> failures;

    SandboxDisconnect(String id, Draft draft, String user, Instant createdAt, Instant dueAt, List<String> accepted,
            List<Failure> failures) {
        super(id, user, createdAt, dueAt);
        this.draft = draft;
        this.accepted = List.copyOf(accepted);
        this.failures = List.copyOf(failures);
    }

    static Draft parse(XmlInput xml) {
        XmlInput type = xml.child("DisconnectTelephoneNumberOrderType");
        List<String> numbers = numbers(type == null ? null : type.child("TelephoneNumberList"));
        String mode = type.text("DisconnectMode");
        mode = mode == null ? "normal" : mode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new SandboxError(400, "5084", "DisconnectMode must be one of normal, soft-remove, purge");
        }
        return new Draft(xml, xml.text("Name"), xml.text("CustomerOrderId"), numbers, mode, type.text("Protected"));
    }

    Draft draft() {
        return draft;
    }

    List<String> accepted() {
        return accepted;
    }

    boolean purge() {
        return draft.mode().equals("purge");
    }

    List<String> disconnected() {
        return settled() ? accepted : List.of();
    }

    List<Failure> failures() {
        return settled() ? failures : List.of();
    }

    @Override
    String orderType() {
        return "disconnects";
    }

    @Override
    String customerOrderId() {
        return draft.customerOrderId();
    }

    @Override
    List<String> completedNumbers() {
        return disconnected();
    }

    @Override
    String status() {
        if (!settled()) {
            return "RECEIVED";
        }
        if (failures.isEmpty()) {
            return "COMPLETE";
        }
        return accepted.isEmpty() ? "FAILED" : "PARTIAL";
    }
}
