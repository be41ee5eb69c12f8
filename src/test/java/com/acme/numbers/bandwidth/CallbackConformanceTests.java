package com.acme.numbers.bandwidth;

import static com.acme.numbers.support.Fixtures.readShared;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import com.acme.numbers.bandwidth.xml.NotificationXml;
import com.acme.numbers.bandwidth.xml.SubscriptionXml;
import com.acme.numbers.support.XmlDocuments;

/**
 * Bandwidth's own notification and subscription payloads ({@code ../shared/bandwidth-xml}) against what the
 * adapter reads and writes: nothing in a notification goes unread, the list reads field by field, and the
 * subscription the gateway sends has the real request's elements in the real order.
 */
class CallbackConformanceTests {

    @Test
    void everyElementOfTheRealNotificationIsMappedAndReads() throws Exception {
        String sample = readShared("notification-order.xml");
        Set<String> mapped = Arrays.stream(NotificationXml.class.getRecordComponents())
                .map(c -> c.getAccessor().getAnnotation(JsonProperty.class).value())
                .collect(Collectors.toSet());

        List<String> children = XmlDocuments.childNames(sample);
        assertThat(mapped).containsAll(children);

        NotificationXml read = BandwidthXml.read(sample, NotificationXml.class);
        assertThat(read.orderType()).contains("orders");
        // the template's placeholders, as written (the reader trims nothing: the callback endpoint does)
        assertThat(read.completedTelephoneNumbers().telephoneNumbers()).containsExactly(" ... ");
        assertThat(read.impactedTelephoneNumbers().telephoneNumbers()).containsExactly(" ... ");
        assertThat(read.orderId()).isEqualTo("...");
        assertThat(read.status()).startsWith("COMPLETE | FAILED | PARTIAL");
        assertThat(read.eventType()).contains("MESSAGING_LOST");
    }

    @Test
    void theRealSubscriptionListReadsFieldByField() {
        SubscriptionXml.ListXml list = BandwidthXml.read(readShared("subscriptions-list.xml"),
                SubscriptionXml.ListXml.class);

        assertThat(list.all()).hasSize(4);
        SubscriptionXml email = list.all().get(0);
        assertThat(email.subscriptionId()).isEqualTo("0b3aa54d-0ce5-4f5b-bd75-1c30967b197f");
        assertThat(email.orderType()).isEqualTo("orders");
        assertThat(email.email().email()).isEqualTo("bwtest@gmail.com");
        assertThat(email.email().digestRequested()).isEqualTo("NONE");
        assertThat(email.callback()).isNull();
        SubscriptionXml callback = list.all().get(1);
        assertThat(callback.subscriptionId()).isEqualTo("ddf05927-780f-4f8f-89ab-e581f52f5f20");
        assertThat(callback.callback().url()).isEqualTo("\"https://company.com/iriscallback\"");
        assertThat(callback.callback().expiry()).isEqualTo(30000L);
        assertThat(callback.callback().status()).startsWith("some message containing status code");
        assertThat(callback.callback().credentials().basic().username()).isEqualTo("iris");
        assertThat(callback.callback().credentials().basic().password()).isNull();
        assertThat(callback.callback().numberFormat()).isEqualTo("LEGACY");
        assertThat(list.all().get(2).eventType()).isEqualTo("MESSAGING_LOST");
        assertThat(list.all().get(3).callback().url()).isEqualTo("\"https://company.com/iriscallback\"");
    }

    /**
     * The gateway authenticates Bandwidth by Basic login only, so it sends no PublicKey, and it leaves NumberFormat
     * to Bandwidth's default (LEGACY): the numbers in a notification are not read. The rest is the same.
     */
    @Test
    void theSubscriptionWeSendHasTheRealRequestsElementsInItsOrder() throws Exception {
        List<String> real = new ArrayList<>(XmlDocuments.elementPaths(readShared("subscription-request-callback.xml")));
        real.remove("Subscription/CallbackSubscription/CallbackCredentials/PublicKey");
        real.remove("Subscription/CallbackSubscription/NumberFormat");

        String ours = BandwidthXml.write(SubscriptionXml.callback("orders", "http://yourhost:8080/path/to/resource",
                12000, "superuser", "s3cure"));

        assertThat(XmlDocuments.elementPaths(ours)).containsExactlyElementsOf(real);
    }

}
