package com.acme.numbers.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.model.DisconnectMode;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.OrderQuery;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.SelectionType;

/** The order, disconnect and list rules at their bounds, each naming its field. */
class OrderRulesTests {

    private static final NumberSelection ONE_NUMBER = NumberSelection.of(List.of(PhoneNumber.parse("9195551234")),
            List.of());

    @Test
    void aNameOf50IsFineAnd51IsNot() {
        assertThatCode(() -> OrderRules.validate(order("n".repeat(50), "1001", null, null))).doesNotThrowAnyException();
        assertField(() -> OrderRules.validate(order("n".repeat(51), "1001", null, null)), "name");
    }

    @Test
    void siteAndPeerAreNumericAndTheReferenceIsBandwidths() {
        assertField(() -> OrderRules.validate(order("line", "site-1", null, null)), "siteId");
        assertField(() -> OrderRules.validate(order("line", "1001", "peer-1", null)), "peerId");
        assertField(() -> OrderRules.validate(order("line", "1001", null, "bad_ref!")), "customerOrderId");
        assertThatCode(() -> OrderRules.validate(order("line", "1001", "500001", "ticket 4711-a")))
                .doesNotThrowAnyException();
    }

    @Test
    void aDisconnectHoldsOneTo5000Numbers() {
        assertField(() -> OrderRules.validate(disconnect(0, null, null)), "phoneNumbers");
        assertThatCode(() -> OrderRules.validate(disconnect(1, null, null))).doesNotThrowAnyException();
        assertThatCode(() -> OrderRules.validate(disconnect(5000, null, null))).doesNotThrowAnyException();
        assertField(() -> OrderRules.validate(disconnect(5001, null, null)), "phoneNumbers");
    }

    @Test
    void aDisconnectsNameAndReferenceFollowTheOrdersRules() {
        assertThatCode(() -> OrderRules.validate(disconnect(1, "n".repeat(50), "ref-1"))).doesNotThrowAnyException();
        assertField(() -> OrderRules.validate(disconnect(1, "n".repeat(51), null)), "name");
        assertField(() -> OrderRules.validate(disconnect(1, null, "bad_ref!")), "customerOrderId");
    }

    @Test
    void aListsReferenceSizeAndDatesAreChecked() {
        assertField(() -> OrderRules.validate(new OrderQuery(null, "bad_ref!", null, null, 20, null)),
                "customerOrderId");
        assertField(() -> OrderRules.validate(new OrderQuery(null, null, null, null, 1001, null)), "size");
        assertField(() -> OrderRules.validate(new OrderQuery(null, null, LocalDate.parse("2026-12-06"),
                LocalDate.parse("2026-12-05"), 20, null)), "from");
        assertThatCode(() -> OrderRules.validate(new OrderQuery(OrderStatus.COMPLETE, "ticket-1",
                LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-06"), 1000, null))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyCompletePartialAndFailedAreFinal(OrderStatus status) {
        assertThat(status.isFinal()).isEqualTo(List.of(OrderStatus.COMPLETE, OrderStatus.PARTIAL, OrderStatus.FAILED)
                .contains(status));
    }

    @ParameterizedTest
    @EnumSource(SelectionType.class)
    void backOrdersAreRefusedForSpecificNumbersNpaNxxAndVanity(SelectionType type) {
        assertThat(type.allowsBackOrder()).isEqualTo(!List.of(SelectionType.PHONE_NUMBERS, SelectionType.NPA_NXX,
                SelectionType.NPA_NXXX, SelectionType.LOCAL_VANITY, SelectionType.TOLL_FREE_VANITY).contains(type));
    }

    @Test
    void aProblemsMessageNamesTheFieldOrCountsThem() {
        assertThat(InvalidRequestException.of("name", "is required")).hasMessage("name: is required");
        assertThat(new InvalidRequestException(List.of(new FieldProblem("a", "x"), new FieldProblem("b", "y"))))
                .hasMessage("2 fields are invalid");
    }

    private static NewOrder order(String name, String site, String peer, String reference) {
        return new NewOrder(name, site, peer, reference, false, false, false, ONE_NUMBER);
    }

    private static NewDisconnect disconnect(int count, String name, String reference) {
        List<PhoneNumber> numbers = count == 0 ? Collections.emptyList() : IntStream.range(0, count)
                .mapToObj(i -> PhoneNumber.parse(String.format("919%07d", 5_550_000 + i))).toList();
        return new NewDisconnect(name, reference, numbers, DisconnectMode.NORMAL);
    }

    private static void assertField(Runnable validation, String field) {
        assertThatThrownBy(validation::run).isInstanceOf(InvalidRequestException.class)
                .satisfies(ex -> assertThat(((InvalidRequestException) ex).problems()).extracting(FieldProblem::field)
                        .contains(field));
    }
}
