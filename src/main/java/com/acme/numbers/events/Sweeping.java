package com.acme.numbers.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work done in sweeps, one at a time (a tick that comes during a sweep is dropped, not queued), started
 * and stopped with the application (and with a paused test context). A failed sweep is logged; the next tick runs
 * the next one.
 */
public abstract class Sweeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sweeping.class);

    private volatile Disposable running;

    /** When to sweep. */
    protected abstract Flux<?> ticks();

    /** One sweep; completes when its work is recorded. */
    public abstract Mono<Void> sweep();

    @Override
    public void start() {
        running = ticks().onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(ex -> {
                    log.warn("A sweep of {} failed: {}", getClass().getSimpleName(), ex.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
