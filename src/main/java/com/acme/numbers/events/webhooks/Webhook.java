package com.acme.numbers.events.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.acme.numbers.events.EventType;

/**
 * An internal subscriber: where the account's events go, and the secrets they are signed with (newest first).
 */
public record Webhook(String id, String accountId, URI url, Set<EventType> events, String description,
        Instant createdAt, List<SigningSecret> secrets) {

    public Webhook {
        events = Set.copyOf(events);
        secrets = List.copyOf(secrets);
    }

    public boolean wants(EventType type) {
        return events.contains(type);
    }

    /** The secrets that sign now: the current one, and during an overlap the one it replaced. */
    public List<SigningSecret> signingAt(Instant now) {
        return secrets.stream().filter(s -> s.signsAt(now)).toList();
    }

    public Webhook withSecrets(List<SigningSecret> newer) {
        return new Webhook(id, accountId, url, events, description, createdAt, newer);
    }
}
