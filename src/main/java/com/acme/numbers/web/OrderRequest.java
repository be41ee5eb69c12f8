package com.acme.numbers.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.NewOrder;

/** A new number order. */
record OrderRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 50, example = "Support line") String name,
        @Schema(description = "required unless the account has a configured default site", example = "1001")
        String siteId,
        @Schema(example = "500001") String peerId,
        @Schema(maxLength = 40, pattern = "^[A-Za-z0-9 -]{1,40}$", example = "ticket-4711") String customerOrderId,
        @Schema(defaultValue = "true") Boolean partialAllowed,
        @Schema(defaultValue = "false") Boolean backOrderRequested,
        @JsonProperty("protected") @Schema(defaultValue = "false", description = "mark the numbers as protected")
        Boolean protectedNumbers,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SelectionRequest selection) {

    OrderRequest withSelection(SelectionRequest newSelection) {
        return new OrderRequest(name, siteId, peerId, customerOrderId, partialAllowed, backOrderRequested,
                protectedNumbers, newSelection);
    }

    NewOrder toDomain() {
        return new NewOrder(name, siteId, peerId, customerOrderId, partialAllowed == null || partialAllowed,
                Boolean.TRUE.equals(backOrderRequested), Boolean.TRUE.equals(protectedNumbers),
                selection == null ? null : selection.toDomain());
    }
}
