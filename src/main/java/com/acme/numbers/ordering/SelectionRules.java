package com.acme.numbers.ordering;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.SelectionType;

/** Which keys each kind of order selection needs and accepts (digest section 4.2). */
final class SelectionRules {

    /** Bandwidth's reservation ids are UUIDs: nothing longer or looser is ever sent on to it. */
    private static final Pattern RESERVATION_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private record Rule(Set<String> required, Set<String> optional, boolean lca) {
    }

    private static final Set<String> AREA_FILTERS = Set.of("areaCode", "npaNxx", "rateCenter", "state", "city", "zip",
            "lata", "endsIn");

    private static final Map<SelectionType, Rule> RULES = new EnumMap<>(Map.ofEntries(
            Map.entry(SelectionType.AREA_CODE, new Rule(Set.of("areaCode"), Set.of(), false)),
            Map.entry(SelectionType.NPA_NXX, new Rule(Set.of("npaNxx"), Set.of(), true)),
            Map.entry(SelectionType.NPA_NXXX, new Rule(Set.of("npaNxxx"), Set.of(), true)),
            Map.entry(SelectionType.RATE_CENTER, new Rule(Set.of("rateCenter", "state"), Set.of(), true)),
            Map.entry(SelectionType.CITY, new Rule(Set.of("city", "state"), Set.of(), false)),
            Map.entry(SelectionType.STATE, new Rule(Set.of("state"), Set.of(), false)),
            Map.entry(SelectionType.ZIP, new Rule(Set.of("zip"), Set.of(), false)),
            Map.entry(SelectionType.LATA, new Rule(Set.of("lata"), Set.of(), false)),
            Map.entry(SelectionType.TOLL_FREE_VANITY, new Rule(Set.of("tollFreeVanity"), Set.of(), false)),
            Map.entry(SelectionType.TOLL_FREE_WILD_CARD, new Rule(Set.of("tollFreeWildCardPattern"), Set.of(), false)),
            Map.entry(SelectionType.LOCAL_VANITY, new Rule(Set.of("localVanity"), AREA_FILTERS, true))));

    private SelectionRules() {
    }

    static void check(NumberSelection selection, FieldChecks checks) {
        if (selection.type() == SelectionType.PHONE_NUMBERS) {
            checkSpecificNumbers(selection, checks);
            return;
        }
        Rule rule = RULES.get(selection.type());
        Map<String, Object> present = selection.criteria().present();
        for (String key : rule.required()) {
            if (!present.containsKey(key)) {
                checks.add(field(key), "is required for selection type " + selection.type());
            }
        }
        for (String key : present.keySet()) {
            if (!rule.required().contains(key) && !rule.optional().contains(key)) {
                checks.add(field(key), "does not apply to selection type " + selection.type());
            }
        }
        if (selection.localCallingArea() != null && !rule.lca()) {
            checks.add("selection.localCallingArea", "does not apply to selection type " + selection.type());
        }
        if (selection.quantity() == null) {
            checks.add("selection.quantity", "is required for selection type " + selection.type());
        }
        else {
            checks.range("selection.quantity", selection.quantity(), 1, 5000);
        }
        checks.absent("selection.phoneNumbers", selection.phoneNumbers().isEmpty() ? null : selection.phoneNumbers(),
                "applies only to selection type PHONE_NUMBERS");
        CriteriaRules.checkFormats(selection.criteria(), "selection.", checks);
    }

    private static void checkSpecificNumbers(NumberSelection selection, FieldChecks checks) {
        int count = selection.phoneNumbers().size();
        if (count < 1 || count > 5000) {
            checks.add("selection.phoneNumbers", "must hold between 1 and 5000 numbers");
        }
        if (selection.reservationIds().size() > count) {
            checks.add("selection.reservationIds", "cannot hold more ids than there are phoneNumbers");
        }
        for (int i = 0; i < selection.reservationIds().size(); i++) {
            String id = selection.reservationIds().get(i);
            if (id == null || !RESERVATION_ID.matcher(id).matches()) {
                checks.add("selection.reservationIds[" + i + "]", "must be a reservation id (a UUID, as Bandwidth "
                        + "issues them)");
            }
        }
        for (String key : selection.criteria().present().keySet()) {
            checks.add(field(key), "does not apply to selection type PHONE_NUMBERS");
        }
        checks.absent("selection.quantity", selection.quantity(), "does not apply to selection type PHONE_NUMBERS");
        checks.absent("selection.localCallingArea", selection.localCallingArea(),
                "does not apply to selection type PHONE_NUMBERS");
    }

    private static String field(String key) {
        return "selection." + ("tollFreeWildCardPattern".equals(key) ? "pattern" : key);
    }
}
