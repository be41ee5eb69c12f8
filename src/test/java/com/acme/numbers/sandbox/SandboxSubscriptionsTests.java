package com.acme.numbers.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.acme.numbers.SandboxIntegrationTest;

/** The sandbox's {@code /subscriptions}, as an SDK sees it: create, read, replace, delete, and Bandwidth's codes. */
class SandboxSubscriptionsTests extends SandboxIntegrationTest {

    private static final String SUBSCRIPTIONS = SANDBOX + "/accounts/9900000/subscriptions";

    @Test
    void aSubscriptionIsCreatedReadReplacedAndDeleted() {
        String url = "http://127.0.0.1:9/sandbox-" + System.nanoTime();
        String location = basicAuth(client.post().uri(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_XML)
                .bodyValue(subscription("orders", url, "600", true))).exchange()
                .expectStatus().isCreated().returnResult(Void.class).getResponseHeaders().getLocation().getPath();
        String id = location.substring(location.lastIndexOf('/') + 1);

        basicAuth(client.get().uri(SUBSCRIPTIONS + "/" + id)).exchange().expectStatus().isOk()
                .expectBody().xpath("/SubscriptionsResponse/Subscriptions/Subscription/SubscriptionId").isEqualTo(id)
                .xpath("//CallbackSubscription/URL").isEqualTo(url)
                .xpath("//CallbackSubscription/Expiry").isEqualTo("600")
                .xpath("//BasicAuthentication/Username").isEqualTo("bw")
                .xpath("count(//BasicAuthentication/Password)").isEqualTo(0.0);
        basicAuth(client.put().uri(SUBSCRIPTIONS + "/" + id).contentType(MediaType.APPLICATION_XML)
                .bodyValue(subscription("orders", url + "/v2", "900", true))).exchange().expectStatus().isOk();
        basicAuth(client.get().uri(SUBSCRIPTIONS)).exchange().expectStatus().isOk().expectBody()
                .xpath("//Subscription[SubscriptionId='" + id + "']/CallbackSubscription/URL").isEqualTo(url + "/v2");
        basicAuth(client.delete().uri(SUBSCRIPTIONS + "/" + id)).exchange().expectStatus().isOk();
        basicAuth(client.get().uri(SUBSCRIPTIONS + "/" + id)).exchange().expectStatus().isNotFound()
                .expectBody().xpath("/SubscriptionResponse/ResponseStatus/ErrorCode").isEqualTo("16000");
    }

    @Test
    void theSameOrderTypeAndUrlTwiceIs409With16008() {
        String body = subscription("disconnects", "http://127.0.0.1:9/dup-" + System.nanoTime(), "600", true);
        basicAuth(client.post().uri(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_XML).bodyValue(body)).exchange()
                .expectStatus().isCreated();
        basicAuth(client.post().uri(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_XML).bodyValue(body)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().xpath("/SubscriptionResponse/ResponseStatus/ErrorCode").isEqualTo("16008");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<Subscription><CallbackSubscription><URL>https://a.example/x</URL></CallbackSubscription></Subscription> | 400 | 14508",
            "<Subscription><OrderType>pizzas</OrderType></Subscription> | 400 | 14500",
            "<Subscription><OrderType>orders</OrderType><CallbackSubscription/></Subscription> | 404 | 14503",
            "<Subscription><OrderType>orders</OrderType><CallbackSubscription><URL>gopher://x</URL></CallbackSubscription></Subscription> | 404 | 14504",
            "<Subscription><OrderType>orders</OrderType><CallbackSubscription><URL>https://a.example/x</URL><CallbackCredentials><BasicAuthentication><Username>u</Username></BasicAuthentication></CallbackCredentials></CallbackSubscription></Subscription> | 404 | 14506" })
    void badSubscriptionsGetBandwidthsCodes(String body, int status, String code) {
        basicAuth(client.post().uri(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_XML).bodyValue(body)).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().xpath("/SubscriptionResponse/ResponseStatus/ErrorCode").isEqualTo(code);
    }

    private static String subscription(String type, String url, String expiry, boolean basic) {
        return "<Subscription><OrderType>" + type + "</OrderType><CallbackSubscription><URL>" + url + "</URL><Expiry>"
                + expiry + "</Expiry>" + (basic ? "<CallbackCredentials><BasicAuthentication><Username>bw</Username>"
                        + "<Password>pw</Password></BasicAuthentication></CallbackCredentials>" : "")
                + "</CallbackSubscription></Subscription>";
    }
}
