package com.acme.numbers.sandbox;

import java.time.Instant;
import java.util.List;

import com.acme.numbers.sandbox.SandboxInventory.Tn;
import com.acme.numbers.sandbox.SandboxStore.Failure;
import com.acme.numbers.sandbox.xml.SandboxError;
import com.acme.numbers.sandbox.xml.XmlInput;
import com.acme.numbers.sandbox.xml.XmlNode;

/**
 * Renders sandbox state in Bandwidth's exact XML shapes (digest sections 2 to 7).
 * <p>
 * One writer for every document, over 200 lines, on purpose: Bandwidth's element names, their spelling quirks
 * ({@code orderId} against {@code OrderId}) and their order live in one place, where the conformance tests hold
 * them against the real payloads, rather than spread over the resources.
 */
final class SandboxXmlWriter {

    private SandboxXmlWriter() {
    }

    static String searchResult(List<Tn> numbers, boolean details) {
        XmlNode root = XmlNode.root("SearchResult").add("ResultCount", numbers.size());
        if (numbers.isEmpty()) {
            return root.render();
        }
        if (!details) {
            XmlNode list = root.child("TelephoneNumberList");
            numbers.forEach(tn -> list.add("TelephoneNumber", tn.number()));
            return root.render();
        }
        XmlNode list = root.child("TelephoneNumberDetailList");
        for (Tn tn : numbers) {
            list.child("TelephoneNumberDetail")
                    .add("City", tn.city()).add("LATA", tn.lata()).add("RateCenter", tn.rateCenter())
                    .add("State", tn.state()).add("FullNumber", tn.number()).add("Tier", tn.tollFree() ? "1" : "0")
                    .add("VendorId", "49").add("VendorName", "Bandwidth CLEC");
        }
        return root.render();
    }

    static String reservation(SandboxStore.Reservation reservation, String accountId, Instant now) {
        long left = Math.max(0, reservation.expires().getEpochSecond() - now.getEpochSecond());
        XmlNode root = XmlNode.root("ReservationResponse");
        root.child("Reservation").add("ReservationId", reservation.id()).add("AccountId", accountId)
                .add("ReservationExpires", left).add("ReservedTn", reservation.number());
        return root.render();
    }

    /** The answer to POST /orders: the echo with its new id, and RECEIVED. */
    static String orderCreated(SandboxOrder order) {
        XmlNode root = XmlNode.root("OrderResponse");
        orderEcho(root, order);
        root.add("OrderStatus", order.status());
        return root.render();
    }

    static String order(SandboxOrder order) {
        boolean done = order.settled();
        XmlNode root = XmlNode.root("OrderResponse")
                .add("CompletedQuantity", order.completed().size())
                .add("CreatedByUser", order.user());
        errorList(root, order.failures());
        List<String> failed = order.failedNumbers();
        if (!failed.isEmpty()) {
            XmlNode list = root.child("FailedNumbers");
            failed.forEach(n -> list.add("FullNumber", n));
        }
        root.add("LastModifiedDate", done ? order.dueAt() : order.createdAt());
        if (done) {
            root.add("OrderCompleteDate", order.dueAt());
        }
        orderEcho(root, order);
        root.add("OrderStatus", order.status());
        XmlNode completed = root.child("CompletedNumbers");
        order.allocated().stream().filter(order.completed()::contains)
                .forEach(n -> completed.child("TelephoneNumber").add("FullNumber", n));
        root.add("Summary", order.summary());
        root.add("FailedQuantity", done ? order.draft().quantity() - order.completed().size() : 0);
        if (!done) {
            root.add("PendingQuantity", order.draft().quantity());
        }
        return root.render();
    }

    static String orderRejected(SandboxError error, XmlInput request) {
        XmlNode root = XmlNode.root("OrderResponse");
        errorList(root, List.of(new Failure(error.code(), error.getMessage(), null)));
        if (request != null) {
            root.copy(request, "Order");
        }
        return root.render();
    }

    private static void orderEcho(XmlNode root, SandboxOrder order) {
        SandboxOrderRequest d = order.draft();
        XmlNode echo = root.child("Order");
        echo.add("id", order.id()).add("Name", d.name()).add("CustomerOrderId", d.customerOrderId())
                .add("OrderCreateDate", order.createdAt()).add("PeerId", d.peerId())
                .add("BackOrderRequested", d.backOrder());
        echo.copy(d.typeXml(), d.type());
        echo.add("PartialAllowed", d.partialAllowed()).add("SiteId", d.siteId());
        XmlInput attributes = d.xml().child("TnAttributes");
        if (attributes != null) {
            echo.copy(attributes, "TnAttributes");
        }
    }

    static String history(SandboxOrder order) {
        XmlNode root = XmlNode.root("OrderHistoryWrapper");
        root.child("OrderHistory").add("OrderDate", order.createdAt()).add("Note", "Order received")
                .add("Author", order.user()).add("Status", "RECEIVED");
        if (order.settled()) {
            root.child("OrderHistory").add("OrderDate", order.dueAt()).add("Note", order.summary())
                    .add("Author", "System").add("Status", order.status());
        }
        return root.render();
    }

    static String disconnect(SandboxDisconnect disconnect) {
        XmlNode root = XmlNode.root("DisconnectTelephoneNumberOrderResponse");
        if (disconnect.settled()) {
            XmlNode list = root.child("DisconnectedTelephoneNumberList");
            disconnect.disconnected().forEach(n -> list.add("TelephoneNumber", n));
            errorList(root, disconnect.failures());
            if (disconnect.failures().isEmpty()) {
                root.child("ErrorList");
            }
        }
        disconnectEcho(root, disconnect);
        root.add("OrderStatus", disconnect.status());
        return root.render();
    }

    static String disconnectRejected(SandboxError error, XmlInput request) {
        XmlNode root = XmlNode.root("DisconnectTelephoneNumberOrderResponse");
        errorList(root, List.of(new Failure(error.code(), error.getMessage(), null)));
        if (request != null) {
            root.copy(request, "orderRequest");
        }
        return root.render();
    }

    private static void disconnectEcho(XmlNode root, SandboxDisconnect disconnect) {
        SandboxDisconnect.Draft d = disconnect.draft();
        XmlNode echo = root.child("orderRequest").add("Name", d.name()).add("CustomerOrderId", d.customerOrderId())
                .add("OrderCreateDate", disconnect.createdAt()).add("id", disconnect.id());
        XmlNode type = echo.child("DisconnectTelephoneNumberOrderType");
        XmlNode list = type.child("TelephoneNumberList");
        d.numbers().forEach(n -> list.add("TelephoneNumber", n));
        type.add("DisconnectMode", d.mode()).add("Protected", d.protectedValue());
    }

    /** A row of an order or disconnect list; disconnects spell {@code OrderId} with a capital O. */
    record Row(String id, String customerOrderId, String user, Instant created, Instant modified, String type,
            String status, int count) {
    }

    static String list(List<Row> rows, int total, String firstLink, String nextLink, boolean disconnects) {
        XmlNode list = XmlNode.root("ResponseSelectWrapper").child("ListOrderIdUserIdDate");
        list.add("TotalCount", total);
        XmlNode links = list.child("Links").add("first", firstLink);
        links.add("next", nextLink);
        for (Row row : rows) {
            list.child("OrderIdUserIdDate").add("CountOfTNs", row.count()).add("CustomerOrderId", row.customerOrderId())
                    .add("userId", row.user()).add("lastModifiedDate", row.modified()).add("OrderDate", row.created())
                    .add("OrderType", row.type()).add(disconnects ? "OrderId" : "orderId", row.id())
                    .add("OrderStatus", row.status());
        }
        return list.renderRoot();
    }

    static String tn(Tn tn, SandboxStore.TnState state, String accountId, String siteId) {
        boolean owned = state.status == SandboxStore.Status.INSERVICE || state.status == SandboxStore.Status.PENDING;
        XmlNode root = XmlNode.root("TelephoneNumberResponse")
                .add("TelephoneNumber", tn.number())
                .add("Status", statusName(state.status))
                .add("LastModifiedDate", state.lastModified)
                .add("OrderCreateDate", owned ? state.orderCreated : null)
                .add("OrderId", owned ? state.orderId : null)
                .add("OrderType", owned ? "NEW_NUMBER_ORDER" : null)
                .add("InServiceDate", owned ? state.inServiceDate : null)
                .add("SiteId", owned ? siteId : null)
                .add("AccountId", owned ? accountId : null);
        return root.render();
    }

    static String tnDetails(Tn tn, SandboxStore.TnState state, String accountId, String siteId, String peerId) {
        boolean owned = state.status == SandboxStore.Status.INSERVICE;
        XmlNode details = XmlNode.root("TelephoneNumberResponse").child("TelephoneNumberDetails")
                .add("City", tn.city()).add("Lata", tn.lata()).add("State", tn.state())
                .add("FullNumber", tn.number()).add("Tier", tn.tollFree() ? "1" : "0").add("VendorId", "49")
                .add("VendorName", "Bandwidth CLEC").add("RateCenter", tn.rateCenter())
                .add("Status", statusName(state.status)).add("AccountId", owned ? accountId : null);
        if (owned) {
            details.child("Site").add("Id", siteId).add("Name", "Sandbox site");
            details.child("SipPeer").add("PeerId", peerId).add("PeerName", "Sandbox peer").add("IsDefaultPeer", true);
        }
        details.add("LastModified", state.lastModified).add("InServiceDate", owned ? state.inServiceDate : null);
        return details.renderRoot();
    }

    static String inService(List<String> numbers, String firstLink) {
        XmlNode root = XmlNode.root("TNs").add("TotalCount", numbers.size());
        root.child("Links").add("first", firstLink);
        XmlNode list = root.child("TelephoneNumbers").add("Count", numbers.size());
        numbers.forEach(n -> list.add("TelephoneNumber", n));
        return root.render();
    }

    static String responseStatus(String root, SandboxError error) {
        XmlNode node = XmlNode.root(root);
        node.child("ResponseStatus").add("ErrorCode", error.code()).add("Description", error.getMessage());
        return node.render();
    }

    static String searchError(SandboxError error) {
        XmlNode root = XmlNode.root("SearchResult");
        root.child("Error").add("Code", error.code()).add("Description", error.getMessage());
        return root.render();
    }

    static String notFound() {
        XmlNode root = XmlNode.root("ErrorResponse");
        root.child("ResponseStatus").add("Description", "The resource does not exist");
        return root.render();
    }

    private static void errorList(XmlNode root, List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        XmlNode list = root.child("ErrorList");
        failures.forEach(f -> list.child("Error").add("Code", f.code()).add("Description", f.description())
                .add("TelephoneNumber", f.number()));
    }

    private static String statusName(SandboxStore.Status status) {
        return switch (status) {
            case AVAILABLE -> "Available";
            case RESERVED -> "Reserved";
            case PENDING -> "PendingOrder";
            case INSERVICE -> "Inservice";
            case AGING -> "Aging";
        };
    }
}
