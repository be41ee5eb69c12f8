package com.acme.numbers.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.acme.numbers.sandbox.xml.SandboxError;
import com.acme.numbers.sandbox.xml.XmlInput;

/** An {@code <Order>} request, parsed and validated with Bandwidth's error codes before any number is picked. */
record SandboxOrderRequest(XmlInput xml, String name, String customerOrderId, String siteId, String peerId,
        boolean partialAllowed, boolean backOrder, String type, XmlInput typeXml, List<String> numbers,
        List<String> reservationIds, SandboxCriteria criteria, int quantity) {

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

    boolean isExisting() {
        return type.equals("ExistingTelephoneNumberOrderType");
    }

    static SandboxOrderRequest parse(XmlInput xml, String siteId, String peerId) {
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
        return new SandboxOrderRequest(xml, xml.text("Name"), customerOrderId, site, peer, partial, backOrder, type, typeXml,
                List.of(), List.of(), criteria, quantity(typeXml.text("Quantity")));
    }

    private static SandboxOrderRequest existing(XmlInput xml, XmlInput typeXml, String site, String peer, String customerOrderId,
            boolean partial, boolean backOrder) {
        List<String> numbers = SandboxWork.numbers(typeXml.child("TelephoneNumberList"));
        if (new LinkedHashSet<>(numbers).size() != numbers.size()) {
            throw new SandboxError(400, "5072", "The order lists a telephone number twice");
        }
        if (backOrder) {
            throw new SandboxError(400, "5522", "Backorder is not allowed for specific telephone numbers");
        }
        XmlInput ids = typeXml.child("ReservationIdList");
        return new SandboxOrderRequest(xml, xml.text("Name"), customerOrderId, site, peer, partial, false,
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
}
