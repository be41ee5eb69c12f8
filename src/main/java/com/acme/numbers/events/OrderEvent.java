package com.acme.numbers.events;

import java.time.Instant;

/**
 * A status change worth telling subscribers about.
 *
 * @param id stable id of the event (the same change always gets the same id)
 * @param type what happened
 * @param key which order or disconnect
 * @param timestamp when the gateway saw the change
 * @param data the resource's view as its GET answers it, rendered by whoever owns that view
 */
public record OrderEvent(String id, EventType type, LedgerKey key, Instant timestamp, String data) {
}
