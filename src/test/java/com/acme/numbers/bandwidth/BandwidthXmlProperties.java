package com.acme.numbers.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.acme.numbers.bandwidth.guard.UpstreamOperation;
import com.acme.numbers.bandwidth.mapping.BandwidthMapper;
import com.acme.numbers.bandwidth.mapping.OrderMapper;
import com.acme.numbers.bandwidth.xml.OrderResponseXml;
import com.acme.numbers.bandwidth.xml.SearchResultXml;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.UpstreamFailureException;

/**
 * Property-based fuzzing of the XML reader a Bandwidth answer goes through (the answer rule, the hardened parser,
 * the mappers): arbitrary text, near-valid documents with mutated elements, deep nesting, huge texts and entity
 * tricks always end in a parsed value or an upstream failure (a 502), quickly, and no failure echoes the body.
 * {@code ./mvnw verify} runs a bounded number of tries; {@code ./mvnw verify -Pfuzz} runs many more.
 */
class BandwidthXmlProperties {

    private static final String MARK = "BODYMARK";
    private static final HttpHeaders XML = headers();
    private static final String SEARCH = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <SearchResult><ResultCount>2</ResultCount><TelephoneNumberList>
            <TelephoneNumber>9195550101</TelephoneNumber><TelephoneNumber>%s</TelephoneNumber>
            </TelephoneNumberList></SearchResult>""";
    private static final String ORDER = """
            <OrderResponse><Order><id>order-1</id><Name>%s</Name><CustomerOrderId>ref</CustomerOrderId>
            <OrderCreateDate>2026-11-28T10:00:00.000Z</OrderCreateDate></Order><OrderStatus>%s</OrderStatus>
            <CompletedNumbers><TelephoneNumber><FullNumber>9195550101</FullNumber></TelephoneNumber></CompletedNumbers>
            <ErrorList><Error><Code>5005</Code><Description>%s</Description></Error></ErrorList></OrderResponse>""";

    @Property
    void arbitraryTextIsReadOrRefusedAsAnUpstreamFailure(@ForAll @StringLength(max = 3000) String body) {
        readsOrFailsCleanly(body);
    }

    @Property
    void nearValidDocumentsAreReadOrRefused(@ForAll("nearValid") String body) {
        readsOrFailsCleanly(body);
    }

    @Property(tries = 60)
    void hostileShapesFailFastAndBounded(@ForAll("hostile") String body) {
        long start = System.nanoTime();
        readsOrFailsCleanly(body);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one hostile document")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Provide
    Arbitrary<String> nearValid() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40).map(s -> s + MARK);
        Arbitrary<String> status = Arbitraries.of("COMPLETE", "PARTIAL", "FAILED", "BACKORDERED", "RECEIVED", "",
                "complete", MARK);
        Arbitrary<String> search = text.map(SEARCH::formatted);
        Arbitrary<String> order = Combinators.combine(text, status, text).as(ORDER::formatted);
        return Arbitraries.oneOf(search, order).flatMap(this::mutated);
    }

    /* One mutation of a valid document: renamed or dropped element, cut short, duplicated, or wrapped. */
    private Arbitrary<String> mutated(String document) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, document.length() - 1);
        Arbitrary<String> name = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(
                at.map(i -> document.substring(0, i)),
                name.map(n -> document.replaceFirst("TelephoneNumber>|OrderStatus>|Order>", n + ">")),
                name.map(n -> document.replace("<Name>", "<" + n + ">").replace("</Name>", "</" + n + ">")),
                at.map(i -> document.substring(0, i) + "<Extra>" + MARK + "</Extra>" + document.substring(i)),
                Arbitraries.just(document.replace("<ResultCount>2</ResultCount>", "<ResultCount>x</ResultCount>")),
                Arbitraries.just(document + document),
                Arbitraries.just(document));
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(60, 20_000);
        Arbitrary<Integer> size = Arbitraries.integers().between(70_000, 2_000_000);
        return Arbitraries.oneOf(
                depth.map(d -> "<SearchResult>" + "<a>".repeat(d) + MARK + "</a>".repeat(d) + "</SearchResult>"),
                size.map(n -> "<SearchResult><ResultCount>" + "9".repeat(n) + "</ResultCount></SearchResult>"),
                size.map(n -> "<SearchResult><X>" + (MARK + " ").repeat(n / 10) + "</X></SearchResult>"),
                Arbitraries.of(
                        "<!DOCTYPE SearchResult [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><SearchResult>&e;</SearchResult>",
                        "<!DOCTYPE SearchResult SYSTEM \"http://127.0.0.1:1/x.dtd\"><SearchResult/>",
                        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                                + "<SearchResult>&lol2;</SearchResult>",
                        "<SearchResult>&undefined;" + MARK + "</SearchResult>",
                        "<SearchResult " + "a=\"1\" ".repeat(1) + "b=\"" + MARK + "\"/>",
                        "<SearchResult>" + "<x a=\"1\" b=\"2\"/>".repeat(50_000) + "</SearchResult>"));
    }

    private static void readsOrFailsCleanly(String body) {
        for (UpstreamOperation operation : List.of(UpstreamOperation.SEARCH, UpstreamOperation.READ_ORDER)) {
            try {
                read(operation, body);
            }
            catch (UpstreamFailureException refused) {
                assertThat(refused.getMessage()).doesNotContain(MARK).doesNotContain("root:");
            }
            catch (OrderingException business) {
                // a Bandwidth error carrier in the document: a rejection the web layer maps to a 4xx
                assertThat(business.getMessage()).isNotNull();
            }
            catch (RuntimeException | StackOverflowError other) {
                fail("%s ended in %s, which the web layer would answer with a 500", operation, other);
            }
        }
    }

    private static Object read(UpstreamOperation operation, String body) {
        String checked = BandwidthAnswers.successBody(operation, 200, XML, body);
        return operation == UpstreamOperation.SEARCH
                ? BandwidthMapper.searchResult(BandwidthXml.readOptional(checked, SearchResultXml.class))
                : OrderMapper.toDomain(BandwidthXml.read(checked, OrderResponseXml.class));
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return headers;
    }
}
