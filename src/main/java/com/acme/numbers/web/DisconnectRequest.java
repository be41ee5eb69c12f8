package com.acme.numbers.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.model.DisconnectMode;
import com.acme.numbers.ordering.model.NewDisconnect;

/** Release numbers from the account. */
record DisconnectRequest(
        @Schema(maxLength = 50, example = "Release support line") String name,
        @Schema(maxLength = 40, example = "ticket-4712") String customerOrderId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"+19195551234\"]")
        List<String> phoneNumbers,
        @Schema(allowableValues = { "normal", "purge" }, defaultValue = "normal") String mode) {

    NewDisconnect toDomain() {
        return new NewDisconnect(name, customerOrderId, RequestValues.phoneNumbers("phoneNumbers", phoneNumbers),
                disconnectMode());
    }

    private DisconnectMode disconnectMode() {
        if (mode == null || mode.equalsIgnoreCase("normal")) {
            return DisconnectMode.NORMAL;
        }
        if (mode.equalsIgnoreCase("purge")) {
            return DisconnectMode.PURGE;
        }
        throw InvalidRequestException.of("mode", "must be normal or purge");
    }
}
