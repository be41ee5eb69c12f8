package com.acme.numbers.web.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

import com.acme.numbers.ordering.error.InvalidRequestException;

/**
 * {@code POST …/orders?dryRun=true} places nothing, so it needs only the read scope. The scope check and the
 * controller read the flag with this one rule: exactly {@code true} or {@code false} (any case), nothing else, so the
 * two can never disagree about whether an order is placed.
 */
public final class DryRuns {

    private DryRuns() {
    }

    /** @return whether {@code value} asks for a dry run; a value other than true or false is a 400 */
    public static boolean requested(String value) {
        if (value == null || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        throw InvalidRequestException.of("dryRun", "must be true or false");
    }

    static boolean isDryRunOrder(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        String value = request.getQueryParams().getFirst("dryRun");
        return HttpMethod.POST.equals(request.getMethod()) && path.endsWith("/orders")
                && ("true".equalsIgnoreCase(value));
    }
}
