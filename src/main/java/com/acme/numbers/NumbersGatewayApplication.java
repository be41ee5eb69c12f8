package com.acme.numbers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Numbers Gateway: a JSON API in front of Bandwidth's XML Numbers API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NumbersGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(NumbersGatewayApplication.class, args);
    }
}
