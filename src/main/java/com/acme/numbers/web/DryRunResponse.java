package com.acme.numbers.web;

import java.util.List;

import com.acme.numbers.ordering.OrderChecks;

/**
 * What an order would come to, without placing it.
 *
 * @param valid whether every check passed
 * @param problems each reason the order would fail, with a JSON pointer into the request
 * @param numbers the numbers the order would buy (for a search-and-order, those the search finds now)
 */
record DryRunResponse(boolean valid, List<Problem> problems, List<String> numbers) {

    /** One reason, in the shape of a problem: a pointer to the field, a stable code, a sentence. */
    record Problem(String pointer, String code, String detail) {
    }

    static DryRunResponse of(OrderChecks.DryRun run) {
        return new DryRunResponse(run.valid(), run.problems().stream()
                .map(p -> new Problem(pointer(p.field()), p.code(), p.detail())).toList(),
                run.numbers().stream().map(n -> n.e164()).toList());
    }

    /** {@code selection.reservationIds[0]} as RFC 6901 has it: {@code /selection/reservationIds/0}. */
    static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1").replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
}
