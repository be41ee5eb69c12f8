package com.acme.numbers.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.acme.numbers.sandbox.SandboxInventory.Tn;
import com.acme.numbers.sandbox.SandboxStore.Failure;

/**
 * One number order: parsed from {@code <Order>} with Bandwidth's validation codes, its numbers picked at once,
 * and its final state (COMPLETE, PARTIAL, FAILED or BACKORDERED) shown once it settles.
 */
final class SandboxOrder extends SandboxWork {

    private static final Pattern CUSTOMER_ORDER_ID = Pattern.compile("[A-Za-z0-9 -]{1,40}");

    /** Order type element names, matched case-insensitively, mapped to Bandwidth's spelling. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("existingtelephonenumberordertype", "ExistingTelephoneNumberOrderType"),
            Map.entry("areacodesearchandordertype", "AreaCodeSearchAndOrderType"),
            Map.entry("ratecentersearchandordertype", "RateCenterSearchAndOrderType"),
            Map.entry("npanxxsearchandordertype", "NPANXXSearchAndOrderType"),
            Map.entry("citysearchandordertype", "CitySearchAndOrderType"),
            Map.entry("statesearchandordertype", "StateSearchAndOrderType"),
            Map.entry("zipsearchandordertype", "ZIPSearchAndOrderType"),
            Map.entry("latasearchandordertype", "LATASearchAndOrderType"),
            Map.entry("tollfreevanitysearchandordertype", "TollFreeVanitySearchAndOrderType"),
            Map.entry("tollfreewildcharsearchandordertype", "TollFreeWildCharSearchAndOrderType"),
            Map.entry("combinedsearchandordertype", "CombinedSearchAndOrderType"));

    /** A validated order request. */
    record Draft(XmlInput xml, String name, String customerOrderId, String siteId, String peerId,
            boolean partialAllowed, boolean backOrder, String type, XmlInput typeXml, List<String> numbers,
            List<String> reservationIds, SandboxCriteria criteria, int quantity) {

        boolean isExisting() {
            return type.equals("ExistingTelephoneNumberOrderType");
        }
    }

    private final Draft draft;
    private final List<String> allocated;
    private final List<Failure> failures;
    private final String finalStatus;

    private SandboxOrder(Draft draft, String user, Instant createdAt, Instant dueAt, List<String> allocated,
            List<Failure> failures, String finalStatus) {
        super(UUID.randomUUID().toString(), user, createdAt, dueAt);
        this.draft = draft;
        this.allocated = List.copyOf(allocated);
        this.failures = List.copyOf(failures);
        this.finalStatus = finalStatus;
    }

    static Draft parse(XmlInput xml, String siteId, String peerId) {
        String site = xml.text("SiteId");
        if (site == null) {
            throw new SandboxError(400, "5022", "SiteId is required");
        }
        if (!site.equals(siteId)) {
            throw new SandboxError(400, "5016", "The SiteId submitted is invalid.");
        }
        String peer = xml.text("PeerId");
        if (peer != null && !peer.equals(peerId)) {
            throw new SandboxError(400, "5023", "The SIP peer " + peer + " is invalid for site " + site);
        }
        String customerOrderId = xml.text("CustomerOrderId");
        if (customerOrderId != null && !CUSTOMER_ORDER_ID.matcher(customerOrderId).matches()) {
            throw new SandboxError(400, "5052", "CustomerOrderId is invalid: letters, digits, dashes and spaces, "
                    + "at most 40");
        }
        List<XmlInput> types = xml.children().stream()
                .filter(c -> TYPES.containsKey(c.name().toLowerCase(Locale.ROOT))).toList();
        if (types.size() != 1) {
            throw new SandboxError(400, "5002", "An order needs exactly one order type");
        }
        XmlInput typeXml = types.get(0);
        String type = TYPES.get(typeXml.name().toLowerCase(Locale.ROOT));
        boolean backOrder = "true".equalsIgnoreCase(xml.text("BackOrderRequested"));
        boolean partial = !"false".equalsIgnoreCase(xml.text("PartialAllowed"));
        if (type.equals("ExistingTelephoneNumberOrderType")) {
            return existing(xml, typeXml, site, peer, customerOrderId, partial, backOrder);
        }
        SandboxCriteria criteria = SandboxCriteria.read(typeXml::text);
        requireKeys(type, criteria);
        criteria.validate();
        if (backOrder && (type.equals("NPANXXSearchAndOrderType") || type.equals("TollFreeVanitySearchAndOrderType")
                || criteria.localVanity() != null || criteria.npaNxxx() != null)) {
            throw new SandboxError(400, "5522", "Backorder is not allowed for NPANXX, NPANXXX and vanity orders");
        }
        return new Draft(xml, xml.text("Name"), customerOrderId, site, peer, partial, backOrder, type, typeXml,
                List.of(), List.of(), criteria, quantity(typeXml.text("Quantity")));
    }

    private static Draft existing(XmlInput xml, XmlInput typeXml, String site, String peer, String customerOrderId,
            boolean partial, boolean backOrder) {
        List<String> numbers = numbers(typeXml.child("TelephoneNumberList"));
        if (new LinkedHashSet<>(numbers).size() != numbers.size()) {
            throw new SandboxError(400, "5072", "The order lists a telephone number twice");
        }
        if (backOrder) {
            throw new SandboxError(400, "5522", "Backorder is not allowed for specific telephone numbers");
        }
        XmlInput ids = typeXml.child("ReservationIdList");
        return new Draft(xml, xml.text("Name"), customerOrderId, site, peer, partial, false,
                "ExistingTelephoneNumberOrderType", typeXml, numbers,
                ids == null ? List.of() : ids.texts("ReservationId"), null, numbers.size());
    }

    private static void requireKeys(String type, SandboxCriteria c) {
        boolean present = switch (type) {
            case "AreaCodeSearchAndOrderType" -> c.areaCode() != null;
            case "RateCenterSearchAndOrderType" -> c.rateCenter() != null && c.state() != null;
            case "NPANXXSearchAndOrderType" -> c.npaNxx() != null;
            case "CitySearchAndOrderType" -> c.city() != null && c.state() != null;
            case "StateSearchAndOrderType" -> c.state() != null;
            case "ZIPSearchAndOrderType" -> c.zip() != null;
            case "LATASearchAndOrderType" -> c.lata() != null;
            case "TollFreeVanitySearchAndOrderType" -> c.tollFreeVanity() != null;
            case "TollFreeWildCharSearchAndOrderType" -> c.tollFreeWildCard() != null;
            default -> !c.isEmpty();
        };
        if (!present) {
            throw new SandboxError(400, "5002", type + " is missing its search criteria");
        }
    }

    private static int quantity(String value) {
        try {
            int quantity = Integer.parseInt(value);
            if (quantity >= 1 && quantity <= 5000) {
                return quantity;
            }
        }
        catch (NumberFormatException ex) {
            // reported below, as Bandwidth does
        }
        throw new SandboxError(400, "5009", "Quantity must be between 1 and 5000");
    }

    /** Picks the numbers (under the store's lock) and decides how the order will end. */
    static SandboxOrder allocate(Draft draft, SandboxStore store, String user, Instant now, Instant due) {
        List<String> picked = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (draft.isExisting()) {
            for (String number : draft.numbers()) {
                if (store.inventory().find(number) != null && store.takeable(number, draft.reservationIds())) {
                    picked.add(number);
                }
                else {
                    failures.add(new Failure("5005", "The telephone number is unavailable for ordering", number));
                }
            }
        }
        else {
            picked.addAll(store.searchFree(draft.criteria()::matches, draft.quantity()).stream().map(Tn::number)
                    .toList());
        }
        int requested = draft.quantity();
        String status;
        if (picked.size() == requested) {
            status = "COMPLETE";
        }
        else if (!picked.isEmpty() && draft.partialAllowed()) {
            status = "PARTIAL";
            if (!draft.isExisting()) {
                failures.add(new Failure("5017", "Only " + picked.size() + " of the " + requested
                        + " telephone numbers requested could be ordered", null));
            }
        }
        else if (draft.backOrder()) {
            status = "BACKORDERED";
            picked.clear();
            failures.add(new Failure("5521", "The order is backordered: no telephone numbers are allocated yet",
                    null));
        }
        else {
            status = "FAILED";
            picked.clear();
            if (!draft.isExisting()) {
                failures.add(new Failure("5018", "The entire quantity of telephone numbers ordered is unavailable",
                        null));
            }
        }
        return new SandboxOrder(draft, user, now, due, picked, failures, status);
    }

    Draft draft() {
        return draft;
    }

    List<String> allocated() {
        return allocated;
    }

    Set<String> completed() {
        return settled() && (finalStatus.equals("COMPLETE") || finalStatus.equals("PARTIAL"))
                ? Set.copyOf(allocated) : Set.of();
    }

    List<Failure> failures() {
        return settled() ? failures : List.of();
    }

    List<String> failedNumbers() {
        return failures().stream().map(Failure::number).filter(n -> n != null).toList();
    }

    String status() {
        return settled() ? finalStatus : "RECEIVED";
    }

    String summary() {
        int requested = draft.quantity();
        String noun = requested == 1 ? " number" : " numbers";
        if (!settled() || finalStatus.equals("FAILED") || finalStatus.equals("BACKORDERED")) {
            return requested + noun + " requested";
        }
        String npas = String.join(", ", allocated.stream().map(n -> n.substring(0, 3)).distinct().toList());
        return finalStatus.equals("PARTIAL")
                ? allocated.size() + " out of " + requested + " numbers ordered in (" + npas + ")"
                : allocated.size() + (allocated.size() == 1 ? " number" : " numbers") + " ordered in (" + npas + ")";
    }
}
