package com.acme.numbers.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import com.acme.numbers.sandbox.SandboxInventory.Tn;
import com.acme.numbers.sandbox.xml.SandboxError;

/**
 * The simulated {@code availableNumbers} search: Bandwidth's filters, quantity, ordering and protection rules and
 * error codes, and its widening to the LATA when the criteria allow it and too few numbers match.
 */
final class SandboxSearchApi {

    private static final Set<String> ORDER_BY = Set.of("fullnumber", "npanxxx", "npanxx", "areacode");
    private static final Set<String> PROTECTED = Set.of("NONE", "ONLY", "MIXED");

    private final SandboxStore store;

    SandboxSearchApi(SandboxStore store) {
        this.store = store;
    }

    Mono<ServerResponse> search(ServerRequest request) {
        Map<String, String> query = SandboxApi.lowerCaseQuery(request);
        Function<String, String> param = name -> query.get(name.toLowerCase(Locale.ROOT));
        try {
            SandboxCriteria criteria = SandboxCriteria.read(param);
            criteria.validate();
            int quantity = quantity(param.apply("quantity"));
            checkOrderBy(param.apply("orderBy"), criteria);
            String protection = protection(param.apply("protected"));
            boolean details = "true".equalsIgnoreCase(param.apply("enableTNDetail"));
            return SandboxApi.xml(HttpStatus.OK, SandboxXmlWriter.searchResult(find(criteria, protection, quantity), details));
        }
        catch (SandboxError error) {
            return SandboxApi.xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.searchError(error));
        }
    }

    private List<Tn> find(SandboxCriteria criteria, String protection, int quantity) {
        List<Tn> exact = store.available(tn -> criteria.matches(tn) && protectionMatches(tn, protection));
        if (!criteria.widensToLata() || exact.size() >= quantity) {
            return exact.stream().limit(quantity).toList();
        }
        Set<String> latas = exact.stream().map(Tn::lata).collect(Collectors.toSet());
        LinkedHashSet<Tn> widened = new LinkedHashSet<>(exact);
        widened.addAll(store.available(tn -> !tn.tollFree() && latas.contains(tn.lata())
                && protectionMatches(tn, protection)));
        return widened.stream().limit(quantity).toList();
    }

    private static boolean protectionMatches(Tn tn, String protection) {
        return switch (protection) {
            case "ONLY" -> tn.protectedNumber();
            case "NONE" -> !tn.protectedNumber();
            default -> true;
        };
    }

    private static int quantity(String value) {
        if (value == null) {
            return 5000;
        }
        try {
            int quantity = Integer.parseInt(value);
            if (quantity >= 1 && quantity <= 5000) {
                return quantity;
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        throw new SandboxError(400, "4010", "quantity must be between 1 and 5000");
    }

    private static void checkOrderBy(String orderBy, SandboxCriteria c) {
        if (orderBy == null) {
            return;
        }
        if (!ORDER_BY.contains(orderBy.toLowerCase(Locale.ROOT))) {
            throw new SandboxError(400, "4020", "orderBy must be one of fullNumber, npaNxxx, npaNxx, areaCode");
        }
        boolean allowed = c.npaNxx() != null || c.npaNxxx() != null || c.rateCenter() != null || c.city() != null
                || c.zip() != null || c.isTollFree();
        if (!allowed) {
            throw new SandboxError(400, "4021", "orderBy is not allowed for this search");
        }
    }

    private static String protection(String value) {
        if (value == null) {
            return "MIXED";
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!PROTECTED.contains(upper)) {
            throw new SandboxError(400, "4022", "protected must be one of NONE, ONLY, MIXED");
        }
        return upper;
    }
}
