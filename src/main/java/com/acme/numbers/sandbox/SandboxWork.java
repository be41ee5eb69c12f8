package com.acme.numbers.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.acme.numbers.sandbox.xml.SandboxError;
import com.acme.numbers.sandbox.xml.XmlInput;

/** What orders and disconnects share: accepted now as RECEIVED, settled once {@code dueAt} has passed. */
abstract class SandboxWork {

    private static final Pattern TN = Pattern.compile("\\d{10}");

    private final String id;
    private final String user;
    private final Instant createdAt;
    private final Instant dueAt;
    private boolean settled;

    SandboxWork(String id, String user, Instant createdAt, Instant dueAt) {
        this.id = id;
        this.user = user;
        this.createdAt = createdAt;
        this.dueAt = dueAt;
    }

    /** The 10-digit numbers of a {@code TelephoneNumberList}, with Bandwidth's codes for a missing or bad one. */
    static List<String> numbers(XmlInput list) {
        List<String> numbers = list == null ? List.of() : list.texts("TelephoneNumber");
        if (numbers.isEmpty()) {
            throw new SandboxError(400, "5073", "At least one telephone number is required");
        }
        for (String number : numbers) {
            if (number == null || !TN.matcher(number).matches()) {
                throw new SandboxError(400, "5070", "Telephone number " + number + " is invalid");
            }
        }
        return numbers;
    }

    String id() {
        return id;
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

    boolean settled() {
        return settled;
    }

    void settle() {
        settled = true;
    }

    /** Bandwidth's {@code OrderType} for notifications: {@code orders} or {@code disconnects}. */
    abstract String orderType();

    abstract String customerOrderId();

    abstract String status();

    /** The numbers a notification lists as completed. */
    abstract List<String> completedNumbers();
}
