package com.acme.numbers.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Behaviour of the JSON API ({@code gateway.api.*}).
 *
 * @param maxPreferWait longest {@code Prefer: wait=N} honoured on POST /orders and /disconnects
 */
@ConfigurationProperties("gateway.api")
public record ApiProperties(@DefaultValue("30s") Duration maxPreferWait) {
}
