package com.acme.numbers.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the Redis stores write absent values and instants as text: an absent value is the empty string, an instant its
 * epoch milliseconds; a record of several lines is one head line and rows, each with tab-separated fields.
 */
final class StoredText {

    private StoredText() {
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String nullIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String millis(Instant at) {
        return at == null ? "" : Long.toString(at.toEpochMilli());
    }

    static Instant instant(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    /** Each line of {@code text} split into its tab-separated fields, empty ones kept; the first is the head. */
    static List<String[]> lines(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(line.split("\t", -1));
        }
        return lines;
    }
}
