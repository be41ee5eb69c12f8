package com.acme.numbers.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test tier needs from the machine (the npm tools, the shared real payloads, node). Locally a missing one
 * skips the test with a message that says how to provide it; in CI ({@code CI=true}, which {@code .ci/run} sets) it
 * fails the test with that message, so a tier can never be skipped there without anyone noticing.
 */
public final class Tiers {

    private Tiers() {
    }

    public static void require(boolean present, String howToProvide) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI runs every tier, and this one cannot run: " + howToProvide);
        }
        Assumptions.abort("Skipped: " + howToProvide);
    }
}
