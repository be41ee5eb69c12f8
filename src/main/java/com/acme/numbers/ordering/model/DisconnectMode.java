package com.acme.numbers.ordering.model;

/** How numbers are released: normally (they age before reuse) or purged. */
public enum DisconnectMode {
    NORMAL, PURGE
}
