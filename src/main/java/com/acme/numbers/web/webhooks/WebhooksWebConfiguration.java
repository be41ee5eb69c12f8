package com.acme.numbers.web.webhooks;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.numbers.events.webhooks.WebhooksProperties;

/** The HTTP side of webhooks: where they may go and how they are sent. */
@Configuration(proxyBeanMethods = false)
class WebhooksWebConfiguration {

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(WebhooksProperties properties) {
        return new WebhookUrlPolicy(properties);
    }

    @Bean
    HttpWebhookSender webhookSender(WebClient.Builder builder, WebhookUrlPolicy policy,
            WebhooksProperties properties, Clock clock) {
        return new HttpWebhookSender(builder, policy, properties, clock);
    }
}
