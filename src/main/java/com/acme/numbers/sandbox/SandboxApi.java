package com.acme.numbers.sandbox;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import com.acme.numbers.sandbox.SandboxInventory.Tn;

/**
 * Handlers of the simulated Bandwidth Numbers API; each answers in the resource's own XML and error shape.
 * <p>
 * Over 200 lines because it serves every resource (search, reservations, orders, disconnects, numbers) with shared
 * paging, location and body helpers; splitting it per resource is planned with the package's layout (issue 30), so
 * that the sandbox package does not grow past its size while doing so.
 */
final class SandboxApi {

    private static final MediaType XML = MediaType.APPLICATION_XML;
    private static final Set<String> ORDER_BY = Set.of("fullnumber", "npanxxx", "npanxx", "areacode");
    private static final Set<String> PROTECTED = Set.of("NONE", "ONLY", "MIXED");

    private final SandboxProperties properties;
    private final SandboxStore store;

    SandboxApi(SandboxProperties properties, SandboxStore store) {
        this.properties = properties;
        this.store = store;
    }

    Mono<ServerResponse> search(ServerRequest request) {
        Map<String, String> query = lowerCaseQuery(request);
        Function<String, String> param = name -> query.get(name.toLowerCase(Locale.ROOT));
        try {
            SandboxCriteria criteria = SandboxCriteria.read(param);
            criteria.validate();
            int quantity = quantity(param.apply("quantity"));
            checkOrderBy(param.apply("orderBy"), criteria);
            String protection = protection(param.apply("protected"));
            boolean details = "true".equalsIgnoreCase(param.apply("enableTNDetail"));
            return xml(HttpStatus.OK, SandboxXmlWriter.searchResult(find(criteria, protection, quantity), details));
        }
        catch (SandboxError error) {
            return xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.searchError(error));
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

    Mono<ServerResponse> reserve(ServerRequest request) {
        return body(request).flatMap(body -> {
            try {
                XmlInput xml = XmlInput.parse(body);
                String number = xml.text("ReservedTn");
                if (number == null || !number.matches("\\d{10}")) {
                    throw new SandboxError(400, "5044", "ReservedTn must be a 10-digit telephone number");
                }
                SandboxStore.Reservation reservation = store.reserve(number);
                URI location = location(request, "tnreservation", reservation.id());
                return ServerResponse.created(location).build();
            }
            catch (SandboxError error) {
                return xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.responseStatus("ReservationResponse", error));
            }
        });
    }

    Mono<ServerResponse> reservation(ServerRequest request) {
        try {
            SandboxStore.Reservation reservation = store.reservation(request.pathVariable("id"));
            return xml(HttpStatus.OK, SandboxXmlWriter.reservation(reservation, properties.accountId(), store.now()));
        }
        catch (SandboxError error) {
            return xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.responseStatus("ReservationResponse", error));
        }
    }

    Mono<ServerResponse> unreserve(ServerRequest request) {
        try {
            store.unreserve(request.pathVariable("id"));
            return ServerResponse.ok().build();
        }
        catch (SandboxError error) {
            return xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.responseStatus("ReservationResponse", error));
        }
    }

    Mono<ServerResponse> createOrder(ServerRequest request) {
        return body(request).flatMap(body -> {
            XmlInput xml = null;
            try {
                xml = XmlInput.parse(body);
                SandboxOrder order = store.place(SandboxOrder.parse(xml, properties.siteId(), properties.peerId()),
                        properties.username());
                return ServerResponse.created(location(request, "orders", order.id())).contentType(XML)
                        .bodyValue(SandboxXmlWriter.orderCreated(order));
            }
            catch (SandboxError error) {
                return xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.orderRejected(error, xml));
            }
        });
    }

    Mono<ServerResponse> order(ServerRequest request) {
        SandboxOrder order = store.order(request.pathVariable("id"));
        return order == null ? notFound() : xml(HttpStatus.OK, SandboxXmlWriter.order(order));
    }

    Mono<ServerResponse> orderHistory(ServerRequest request) {
        SandboxOrder order = store.order(request.pathVariable("id"));
        return order == null ? notFound() : xml(HttpStatus.OK, SandboxXmlWriter.history(order));
    }

    Mono<ServerResponse> orders(ServerRequest request) {
        Map<String, String> query = lowerCaseQuery(request);
        String status = query.get("status");
        String customerOrderId = query.get("customerorderid");
        List<SandboxXmlWriter.Row> rows = store.orders().stream()
                .sorted(Comparator.comparing(SandboxOrder::createdAt).reversed())
                .map(o -> new SandboxXmlWriter.Row(o.id(), o.draft().customerOrderId(), o.user(), o.createdAt(),
                        o.settled() ? o.dueAt() : o.createdAt(), "new_number", o.status(), o.allocated().size()))
                .filter(row -> status == null || row.status().equalsIgnoreCase(status))
                .filter(row -> customerOrderId == null || customerOrderId.equals(row.customerOrderId()))
                .toList();
        return page(request, query, rows, false);
    }

    Mono<ServerResponse> createDisconnect(ServerRequest request) {
        return body(request).flatMap(body -> {
            XmlInput xml = null;
            try {
                xml = XmlInput.parse(body);
                SandboxDisconnect disconnect = store.disconnect(SandboxDisconnect.parse(xml), properties.username());
                return ServerResponse.created(location(request, "disconnects", disconnect.id())).contentType(XML)
                        .bodyValue(SandboxXmlWriter.disconnect(disconnect));
            }
            catch (SandboxError error) {
                return xml(HttpStatus.valueOf(error.status()), SandboxXmlWriter.disconnectRejected(error, xml));
            }
        });
    }

    Mono<ServerResponse> disconnect(ServerRequest request) {
        SandboxDisconnect disconnect = store.disconnectOrder(request.pathVariable("id"));
        return disconnect == null ? notFound() : xml(HttpStatus.OK, SandboxXmlWriter.disconnect(disconnect));
    }

    Mono<ServerResponse> disconnects(ServerRequest request) {
        Map<String, String> query = lowerCaseQuery(request);
        String status = query.get("status");
        List<SandboxXmlWriter.Row> rows = store.disconnects().stream()
                .sorted(Comparator.comparing(SandboxDisconnect::createdAt).reversed())
                .map(d -> new SandboxXmlWriter.Row(d.id(), d.draft().customerOrderId(), d.user(), d.createdAt(),
                        d.settled() ? d.dueAt() : d.createdAt(), "disconnect", d.status(), d.draft().numbers().size()))
                .filter(row -> status == null || row.status().equalsIgnoreCase(status))
                .toList();
        return page(request, query, rows, true);
    }

    Mono<ServerResponse> tn(ServerRequest request) {
        return withTn(request, (tn, state) -> SandboxXmlWriter.tn(tn, state, properties.accountId(), properties.siteId()));
    }

    Mono<ServerResponse> tnDetails(ServerRequest request) {
        return withTn(request, (tn, state) -> SandboxXmlWriter.tnDetails(tn, state, properties.accountId(),
                properties.siteId(), properties.peerId()));
    }

    Mono<ServerResponse> inService(ServerRequest request) {
        List<String> numbers = store.inService();
        if (numbers.isEmpty()) {
            return ServerResponse.noContent().build();
        }
        return xml(HttpStatus.OK, SandboxXmlWriter.inService(numbers, link(request, "1", 300)));
    }

    private Mono<ServerResponse> withTn(ServerRequest request,
            BiFunction<Tn, SandboxStore.TnState, String> view) {
        String number = request.pathVariable("tn");
        SandboxStore.TnState state = store.tn(number);
        return state == null ? notFound() : xml(HttpStatus.OK, view.apply(store.inventory().find(number), state));
    }

    /** Keyset paging as Bandwidth does it: {@code page} is 1 or the id of the first row of the page. */
    private Mono<ServerResponse> page(ServerRequest request, Map<String, String> query, List<SandboxXmlWriter.Row> rows,
            boolean disconnects) {
        if (rows.isEmpty()) {
            return notFound();
        }
        int size = parseSize(query.get("size"));
        String page = query.getOrDefault("page", "1");
        int start = 0;
        if (!"1".equals(page)) {
            start = rows.stream().map(SandboxXmlWriter.Row::id).toList().indexOf(page);
            if (start < 0) {
                return notFound();
            }
        }
        int end = Math.min(rows.size(), start + size);
        String next = end < rows.size() ? link(request, rows.get(end).id(), size) + "rel=\"next\";" : null;
        String first = link(request, "1", size) + "rel=\"first\";";
        return xml(HttpStatus.OK, SandboxXmlWriter.list(rows.subList(start, end), rows.size(), first, next, disconnects));
    }

    private static int parseSize(String value) {
        try {
            return value == null ? 300 : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        }
        catch (NumberFormatException ex) {
            return 300;
        }
    }

    private static String link(ServerRequest request, String page, int size) {
        String url = UriComponentsBuilder.fromUri(request.uri()).replaceQuery(null)
                .queryParam("page", page).queryParam("size", size).build().toUriString();
        return "Link=<" + url + ">;";
    }

    private static URI location(ServerRequest request, String collection, String id) {
        String path = request.path();
        String base = path.substring(0, path.indexOf("/" + collection) + collection.length() + 1);
        return UriComponentsBuilder.fromUri(request.uri()).replacePath(base + "/" + id).replaceQuery(null).build()
                .toUri();
    }

    private static Map<String, String> lowerCaseQuery(ServerRequest request) {
        return request.queryParams().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty() && e.getValue().get(0) != null)
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().get(0),
                        (a, b) -> a));
    }

    private static Mono<String> body(ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("");
    }

    static Mono<ServerResponse> notFound() {
        return xml(HttpStatus.NOT_FOUND, SandboxXmlWriter.notFound());
    }

    static Mono<ServerResponse> xml(HttpStatus status, String body) {
        return ServerResponse.status(status).contentType(XML).bodyValue(body);
    }
}
