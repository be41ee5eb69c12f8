package com.acme.numbers.web.idempotency;

import java.util.function.Function;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Passes the answer through, handing a copy of it to the store just before it is written. */
final class CapturingResponse extends ServerHttpResponseDecorator {

    private final Function<CapturingResponse, Mono<Void>> beforeWrite;
    private byte[] captured = new byte[0];

    CapturingResponse(ServerHttpResponse delegate, Function<CapturingResponse, Mono<Void>> beforeWrite) {
        super(delegate);
        this.beforeWrite = beforeWrite;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
            captured = bytes(joined);
            return beforeWrite.apply(this).then(super.writeWith(Mono.just(bufferFactory().wrap(captured))));
        });
    }

    @Override
    public Mono<Void> setComplete() {
        return beforeWrite.apply(this).then(super.setComplete());
    }

    byte[] captured() {
        return captured;
    }

    /** A buffer's bytes, the buffer released. */
    static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }
}
