package com.acme.numbers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.acme.numbers.sandbox.xml.SandboxError;
import com.acme.numbers.sandbox.xml.XmlInput;
import com.acme.numbers.support.MutableClock;

/** The sandbox's state rules without HTTP: determinism, holds, expiry, settling, and no double sale. */
class SandboxStoreTests {

    private final MutableClock clock = new MutableClock();
    private final SandboxInventory inventory = new SandboxInventory(42);
    private final SandboxStore store = new SandboxStore(inventory, clock, Duration.ofHours(4), Duration.ofSeconds(2),
            100);

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        List<String> first = numbers(new SandboxInventory(7));
        assertThat(numbers(new SandboxInventory(7))).isEqualTo(first);
        assertThat(numbers(new SandboxInventory(8))).isNotEqualTo(first);
        assertThat(first).hasSizeGreaterThan(5000);
        assertThat(inventory.all()).extracting(SandboxInventory.Tn::state).filteredOn(s -> s != null).contains("NC",
                "CA", "NY", "TX", "HI").hasSizeGreaterThan(4);
    }

    @Test
    void aReservationHoldsTheNumberUntilItLapses() {
        String number = inventory.all().get(0).number();
        store.reserve(number);
        assertThatThrownBy(() -> store.reserve(number)).isInstanceOf(SandboxError.class).hasMessageContaining(
                "not available");

        clock.advance(Duration.ofHours(4).plusSeconds(1));

        assertThat(store.reserve(number).number()).isEqualTo(number);
    }

    @Test
    void ordersStayReceivedUntilTheDelayThenPutNumbersInService() {
        String number = inventory.all().get(1).number();
        SandboxOrder order = store.place(existing(number), "user");
        assertThat(order.status()).isEqualTo("RECEIVED");
        assertThat(store.tn(number).status).isEqualTo(SandboxStore.Status.PENDING);

        clock.advance(Duration.ofSeconds(2));

        assertThat(store.order(order.id()).status()).isEqualTo("COMPLETE");
        assertThat(store.tn(number).status).isEqualTo(SandboxStore.Status.INSERVICE);
        assertThat(store.inService()).containsExactly(number);
    }

    @Test
    void concurrentOrdersForOneNumberNeverBothWin() throws Exception {
        String number = inventory.all().get(2).number();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SandboxOrder>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> store.place(existing(number), "user"));
            }
            List<SandboxOrder> orders = new ArrayList<>();
            for (Future<SandboxOrder> future : pool.invokeAll(calls)) {
                orders.add(future.get());
            }
            clock.advance(Duration.ofSeconds(3));

            assertThat(orders).filteredOn(o -> store.order(o.id()).status().equals("COMPLETE")).hasSize(1);
            assertThat(orders).filteredOn(o -> store.order(o.id()).status().equals("FAILED")).hasSize(31);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void disconnectedNumbersAgeOrArePurged() {
        String aging = inventory.all().get(3).number();
        String purged = inventory.all().get(4).number();
        store.place(existing(aging), "user");
        store.place(existing(purged), "user");
        clock.advance(Duration.ofSeconds(2));

        store.disconnect(new SandboxDisconnect.Draft(null, null, null, List.of(aging), "normal", null), "user");
        store.disconnect(new SandboxDisconnect.Draft(null, null, null, List.of(purged), "purge", null), "user");
        clock.advance(Duration.ofSeconds(2));

        assertThat(store.tn(aging).status).isEqualTo(SandboxStore.Status.AGING);
        assertThat(store.tn(purged).status).isEqualTo(SandboxStore.Status.AVAILABLE);
    }

    @Test
    void storedOrdersAreBounded() {
        SandboxStore small = new SandboxStore(inventory, clock, Duration.ofHours(4), Duration.ofSeconds(2), 3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(small.place(existing(inventory.all().get(10 + i).number()), "user").id());
        }

        assertThat(small.orders()).hasSize(3);
        assertThat(small.order(ids.get(0))).isNull();
    }

    @Test
    void requestBodiesWithDoctypesAreRefused() {
        assertThatThrownBy(() -> XmlInput.parse("<?xml version=\"1.0\"?><!DOCTYPE Order [<!ENTITY x SYSTEM "
                + "\"file:///etc/hostname\">]><Order><Name>&x;</Name></Order>")).isInstanceOf(SandboxError.class);
    }

    private static SandboxOrderRequest existing(String number) {
        XmlInput xml = XmlInput.parse("<Order><Name>n</Name><SiteId>1001</SiteId><ExistingTelephoneNumberOrderType>"
                + "<TelephoneNumberList><TelephoneNumber>" + number + "</TelephoneNumber></TelephoneNumberList>"
                + "</ExistingTelephoneNumberOrderType></Order>");
        return SandboxOrderRequest.parse(xml, "1001", "500001");
    }

    private static List<String> numbers(SandboxInventory inventory) {
        return inventory.all().stream().map(SandboxInventory.Tn::number).toList();
    }
}
