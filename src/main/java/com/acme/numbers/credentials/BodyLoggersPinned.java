package com.acme.numbers.credentials;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the framework loggers that print HTTP bodies or headers at INFO, whatever level an operator sets: Spring's
 * codecs log each decoded body at DEBUG and TRACE (a Vault answer holds the Bandwidth client secret), WebClient's
 * exchange log and WebFlux's request log print headers when request details are on, and Reactor Netty's wiretap
 * prints raw bytes. A level set later on one of them or below them ({@code logging.level.*}, the loggers endpoint)
 * is put back at once; nothing is checked per log call. Other loggers keep the operator's levels.
 */
@Component
class BodyLoggersPinned implements LoggerContextListener {

    static final List<String> PINNED = List.of("org.springframework.http.codec", "org.springframework.core.codec",
            "org.springframework.web.reactive.function.client.ExchangeFunctions",
            "org.springframework.web.server.adapter.HttpWebHandlerAdapter",
            "reactor.netty.http.client.HttpClient", "reactor.netty.http.server.HttpServer",
            // where Spring's HTTP loggers write when their own logger is off
            "org.springframework.web.HttpLogging");

    private final LoggerContext context;

    BodyLoggersPinned() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        this.context = factory instanceof LoggerContext logback ? logback : null;
        if (context != null) {
            context.addListener(this);
            context.getLoggerList().forEach(logger -> onLevelChange(logger, logger.getLevel()));
            PINNED.forEach(name -> context.getLogger(name).setLevel(Level.INFO));
        }
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
        if (level != null && !level.isGreaterOrEqual(Level.INFO) && isPinned(logger.getName())) {
            logger.setLevel(Level.INFO);
        }
    }

    private static boolean isPinned(String name) {
        for (String pinned : PINNED) {
            if (name.equals(pinned) || name.startsWith(pinned + ".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext loggerContext) {
    }

    /** After a reset (logging reconfigured) every logger is back at its configured level: pin them again. */
    @Override
    public void onReset(LoggerContext loggerContext) {
        PINNED.forEach(name -> loggerContext.getLogger(name).setLevel(Level.INFO));
    }

    @Override
    public void onStop(LoggerContext loggerContext) {
    }
}
