package com.acme.numbers.sandbox;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The sandbox is on when {@code gateway.sandbox.enabled} says so, and, when that is unset, when nothing points the
 * gateway at a real Bandwidth (no base URL and no static credentials).
 */
public class SandboxEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEnabled(context.getEnvironment());
    }

    public static boolean isEnabled(Environment environment) {
        Boolean explicit = environment.getProperty("gateway.sandbox.enabled", Boolean.class);
        if (explicit != null) {
            return explicit;
        }
        boolean realUpstream = environment.containsProperty("gateway.bandwidth.base-url");
        boolean credentials = Binder.get(environment)
                .bind("gateway.credentials.static", Bindable.mapOf(String.class, Object.class))
                .map(map -> !map.isEmpty()).orElse(false);
        return !realUpstream && !credentials;
    }
}
