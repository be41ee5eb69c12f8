package com.acme.numbers.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.ReservationBatch;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SelectionType;

/** Which numbers an order buys: {@code type} says which of the other fields apply. */
@Schema(description = "phoneNumbers: phoneNumbers (+ optional reservationIds). areaCode: areaCode. npaNxx: npaNxx. "
        + "npaNxxx: npaNxxx. rateCenter: rateCenter + state. city: city + state. state: state. zip: zip. lata: lata. "
        + "tollFreeVanity: tollFreeVanity. tollFreeWildCard: pattern. localVanity: localVanity, optional endsIn "
        + "and area filters (areaCode, npaNxx, rateCenter, state, city, zip, lata). Every type but phoneNumbers "
        + "needs quantity (1-5000); localCallingArea applies to npaNxx, npaNxxx, rateCenter and localVanity.")
record SelectionRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "areaCode", allowableValues = { "phoneNumbers",
                "areaCode", "npaNxx", "npaNxxx", "rateCenter", "city", "state", "zip", "lata", "tollFreeVanity",
                "tollFreeWildCard", "localVanity" }) String type,
        @Schema(example = "[\"+19195551234\"]") List<String> phoneNumbers,
        List<String> reservationIds,
        @Schema(description = "with type phoneNumbers, instead of phoneNumbers and reservationIds: order every "
                + "number this reservation batch holds") String reservationBatchId,
        @Schema(example = "1", minimum = "1", maximum = "5000") Integer quantity,
        Boolean localCallingArea,
        @Schema(example = "919") String areaCode,
        @Schema(example = "919555") String npaNxx,
        @Schema(example = "9195551") String npaNxxx,
        @Schema(example = "RALEIGH") String rateCenter,
        @Schema(example = "NC") String state,
        @Schema(example = "Raleigh") String city,
        @Schema(example = "27606") String zip,
        @Schema(example = "426") String lata,
        @Schema(example = "FLOWERS") String tollFreeVanity,
        @Schema(example = "8**", description = "toll-free wild card pattern") String pattern,
        @Schema(example = "CAFE") String localVanity,
        Boolean endsIn) {

    private static final Map<String, SelectionType> TYPES = Map.ofEntries(
            Map.entry("phonenumbers", SelectionType.PHONE_NUMBERS), Map.entry("areacode", SelectionType.AREA_CODE),
            Map.entry("npanxx", SelectionType.NPA_NXX), Map.entry("npanxxx", SelectionType.NPA_NXXX),
            Map.entry("ratecenter", SelectionType.RATE_CENTER), Map.entry("city", SelectionType.CITY),
            Map.entry("state", SelectionType.STATE), Map.entry("zip", SelectionType.ZIP),
            Map.entry("lata", SelectionType.LATA), Map.entry("tollfreevanity", SelectionType.TOLL_FREE_VANITY),
            Map.entry("tollfreewildcard", SelectionType.TOLL_FREE_WILD_CARD),
            Map.entry("localvanity", SelectionType.LOCAL_VANITY));

    /** This selection with the numbers a batch holds, and their reservations, in place of the batch. */
    SelectionRequest holding(List<ReservationBatch.Entry> held) {
        return new SelectionRequest(type, held.stream().map(e -> e.phoneNumber().e164()).toList(),
                held.stream().map(ReservationBatch.Entry::reservationId).toList(), null, quantity, localCallingArea,
                areaCode, npaNxx, npaNxxx, rateCenter, state, city, zip, lata, tollFreeVanity, pattern, localVanity,
                endsIn);
    }

    NumberSelection toDomain() {
        SelectionType selectionType = type == null ? null : TYPES.get(type.toLowerCase(Locale.ROOT));
        if (type != null && selectionType == null) {
            throw InvalidRequestException.of("selection.type", "must be one of phoneNumbers, areaCode, npaNxx, "
                    + "npaNxxx, rateCenter, city, state, zip, lata, tollFreeVanity, tollFreeWildCard, localVanity");
        }
        SearchCriteria criteria = new SearchCriteria(areaCode, npaNxx, npaNxxx, rateCenter, state, city, zip, lata,
                localVanity, endsIn, tollFreeVanity, pattern);
        return new NumberSelection(selectionType, RequestValues.phoneNumbers("selection.phoneNumbers", phoneNumbers),
                reservationIds, criteria, quantity, localCallingArea);
    }
}
