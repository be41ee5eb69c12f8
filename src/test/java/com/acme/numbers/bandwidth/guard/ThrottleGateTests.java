package com.acme.numbers.bandwidth.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.numbers.support.MutableClock;

/** Bandwidth's 429 closes one account's operation group until its reset, on an injected clock. */
class ThrottleGateTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final List<ThrottleGate.Closure> announced = new ArrayList<>();
    private final ThrottleGate gate = new ThrottleGate(clock, announced::add);

    @Test
    void aGroupIsClosedUntilItsResetAndOpensExactlyThen() {
        gate.block("a", UpstreamOperation.Group.READ, Duration.ofSeconds(3));

        assertThat(gate.remaining("a", UpstreamOperation.Group.READ)).isEqualTo(Duration.ofSeconds(3));
        clock.advance(Duration.ofMillis(2_999));
        assertThat(gate.remaining("a", UpstreamOperation.Group.READ)).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(gate.remaining("a", UpstreamOperation.Group.READ)).isZero();
        assertThat(announced).containsExactly(new ThrottleGate.Closure("a", UpstreamOperation.Group.READ,
                Instant.parse("2026-12-06T12:00:03Z")));
    }

    @Test
    void otherAccountsAndGroupsStayOpen() {
        gate.block("a", UpstreamOperation.Group.ORDER, Duration.ofSeconds(30));

        assertThat(gate.remaining("a", UpstreamOperation.Group.READ)).isZero();
        assertThat(gate.remaining("b", UpstreamOperation.Group.ORDER)).isZero();
    }

    @Test
    void aShorterClosureFromAnotherReplicaNeverReopensALongerOne() {
        gate.block("a", UpstreamOperation.Group.SEARCH, Duration.ofSeconds(30));
        gate.apply(new ThrottleGate.Closure("a", UpstreamOperation.Group.SEARCH, clock.instant().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(gate.remaining("a", UpstreamOperation.Group.SEARCH)).isEqualTo(Duration.ofSeconds(20));

        gate.apply(new ThrottleGate.Closure("a", UpstreamOperation.Group.SEARCH, clock.instant().plusSeconds(60)));
        assertThat(gate.remaining("a", UpstreamOperation.Group.SEARCH)).isEqualTo(Duration.ofSeconds(60));
        assertThat(announced).hasSize(1);
    }
}
