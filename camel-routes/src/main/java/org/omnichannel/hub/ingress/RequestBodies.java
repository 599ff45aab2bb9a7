package org.omnichannel.hub.ingress;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.concurrent.CompletableFuture;

/**
 * Reads a webhook's body off the wire as bytes, before anything parses it. Vert.x Web's body
 * handler decodes form bodies into attributes and the exact bytes are gone, yet Alipay and others
 * sign exactly those bytes: so the webhook routes turn it off and read the body here, with the
 * size limit enforced while reading (a declared or actual size over the limit fails with
 * {@link TooLarge}).
 */
final class RequestBodies {

    /** The body is over the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("body is larger than " + limit + " bytes");
        }
    }

    private RequestBodies() {
    }

    static CompletableFuture<byte[]> read(HttpServerRequest request, long limit) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    result.completeExceptionally(new TooLarge(limit));
                    return result;
                }
            } catch (NumberFormatException e) {
                result.completeExceptionally(new IllegalArgumentException("Content-Length is not a number"));
                return result;
            }
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(result::completeExceptionally);
        request.endHandler(ignored -> result.complete(body.getBytes()));
        request.resume();
        return result;
    }
}
