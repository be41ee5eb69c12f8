package com.acme.numbers.sandbox;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import com.acme.numbers.sandbox.SandboxInventory.Tn;
import com.acme.numbers.sandbox.xml.SandboxError;
import com.acme.numbers.sandbox.xml.XmlInput;

/**
 * Handlers of the simulated Bandwidth Numbers API's resources (reservations, orders, disconnects, numbers); each
 * answers in the resource's own XML and error shape. The search is {@link SandboxSearchApi}'s, paging
 * {@link SandboxPages}'.
 */
final class SandboxApi {

    private static final MediaType XML = MediaType.APPLICATION_XML;

    private final SandboxProperties properties;
    private final SandboxStore store;

    SandboxApi(SandboxProperties properties, SandboxStore store) {
        this.properties = properties;
        this.store = store;
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
                SandboxOrder order = store.place(SandboxOrderRequest.parse(xml, properties.siteId(), properties.peerId()),
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
        return SandboxPages.page(request, query, rows, false);
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
        return SandboxPages.page(request, query, rows, true);
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
        return xml(HttpStatus.OK, SandboxXmlWriter.inService(numbers, SandboxPages.link(request, "1", 300)));
    }

    private Mono<ServerResponse> withTn(ServerRequest request,
            BiFunction<Tn, SandboxStore.TnState, String> view) {
        String number = request.pathVariable("tn");
        SandboxStore.TnState state = store.tn(number);
        return state == null ? notFound() : xml(HttpStatus.OK, view.apply(store.inventory().find(number), state));
    }

    private static URI location(ServerRequest request, String collection, String id) {
        String path = request.path();
        String base = path.substring(0, path.indexOf("/" + collection) + collection.length() + 1);
        return UriComponentsBuilder.fromUri(request.uri()).replacePath(base + "/" + id).replaceQuery(null).build()
                .toUri();
    }

    static Map<String, String> lowerCaseQuery(ServerRequest request) {
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
