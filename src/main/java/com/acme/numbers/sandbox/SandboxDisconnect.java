package com.acme.numbers.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.acme.numbers.sandbox.SandboxStore.Failure;

/** One disconnect order: numbers in service on the account age (or are purged) once it settles. */
final class SandboxDisconnect {

    private static final Pattern TN = Pattern.compile("\\d{10}");
    private static final Set<String> MODES = Set.of("normal", "purge", "soft-remove");

    /** A validated disconnect request. */
    record Draft(XmlInput xml, String name, String customerOrderId, List<String> numbers, String mode,
            String protectedValue) {
    }

    private final String id;
    private final Draft draft;
    private final String user;
    private final Instant createdAt;
    private final Instant dueAt;
    private final List<String> accepted;
    private final List<Failure> failures;
    private boolean settled;

    SandboxDisconnect(String id, Draft draft, String user, Instant createdAt, Instant dueAt, List<String> accepted,
            List<Failure> failures) {
        this.id = id;
        this.draft = draft;
        this.user = user;
        this.createdAt = createdAt;
        this.dueAt = dueAt;
        this.accepted = List.copyOf(accepted);
        this.failures = List.copyOf(failures);
    }

    static Draft parse(XmlInput xml) {
        XmlInput type = xml.child("DisconnectTelephoneNumberOrderType");
        XmlInput list = type == null ? null : type.child("TelephoneNumberList");
        List<String> numbers = list == null ? List.of() : list.texts("TelephoneNumber");
        if (numbers.isEmpty()) {
            throw new SandboxError(400, "5073", "At least one telephone number is required");
        }
        for (String number : numbers) {
            if (number == null || !TN.matcher(number).matches()) {
                throw new SandboxError(400, "5070", "Telephone number " + number + " is invalid");
            }
        }
        String mode = type.text("DisconnectMode");
        mode = mode == null ? "normal" : mode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new SandboxError(400, "5084", "DisconnectMode must be one of normal, soft-remove, purge");
        }
        return new Draft(xml, xml.text("Name"), xml.text("CustomerOrderId"), numbers, mode, type.text("Protected"));
    }

    String id() {
        return id;
    }

    Draft draft() {
        return draft;
    }

    String user() {
        return user;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant dueAt() {
        return dueAt;
    }

    List<String> accepted() {
        return accepted;
    }

    boolean purge() {
        return draft.mode().equals("purge");
    }

    boolean settled() {
        return settled;
    }

    void settle() {
        settled = true;
    }

    List<String> disconnected() {
        return settled ? accepted : List.of();
    }

    List<Failure> failures() {
        return settled ? failures : List.of();
    }

    String status() {
        if (!settled) {
            return "RECEIVED";
        }
        if (failures.isEmpty()) {
            return "COMPLETE";
        }
        return accepted.isEmpty() ? "FAILED" : "PARTIAL";
    }
}
