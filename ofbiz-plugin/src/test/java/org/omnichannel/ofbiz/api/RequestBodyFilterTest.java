package org.omnichannel.ofbiz.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter in front of OFBiz's ContextFilter keeps the raw body of the three API requests and
 * leaves every other request alone. The servlet objects are minimal in-memory implementations
 * of the Jakarta interfaces (dynamic proxies), as a servlet container would hand them over.
 */
class RequestBodyFilterTest {

    /** A request with a path, a content type, a body and attributes. */
    private static HttpServletRequest request(String pathInfo, String contentType, byte[] body) {
        Map<String, Object> attributes = new HashMap<>();
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(RequestBodyFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getContentType" -> contentType;
                    case "getCharacterEncoding" -> null;
                    case "getInputStream" -> stream;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(AtomicReference<Integer> status, ByteArrayOutputStream out) {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(RequestBodyFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status.set((Integer) args[0]);
                        yield null;
                    }
                    case "setContentType" -> null;
                    case "getOutputStream" -> stream;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void keeps_the_raw_ingest_body_and_hides_its_content_type_from_ofbiz() throws Exception {
        byte[] body = "[{\"eventId\":\"e1\"}]".getBytes(StandardCharsets.UTF_8);
        HttpServletRequest request = request("/ingestEvents", "application/json; charset=utf-8", body);
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        FilterChain chain = (req, res) -> passed.set(req);

        new RequestBodyFilter().doFilter(request, response(new AtomicReference<>(), new ByteArrayOutputStream()), chain);

        assertThat((byte[]) request.getAttribute(RequestBodyFilter.BODY_ATTRIBUTE)).isEqualTo(body);
        assertThat(passed.get().getContentType()).as("ContextFilter must not parse the array").isNull();
    }

    @Test
    void leaves_every_other_request_untouched() throws Exception {
        HttpServletRequest request = request("/FindFan", "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        new RequestBodyFilter().doFilter(request, response(new AtomicReference<>(), new ByteArrayOutputStream()),
                (req, res) -> passed.set(req));
        assertThat(passed.get()).isSameAs(request);
        assertThat(request.getAttribute(RequestBodyFilter.BODY_ATTRIBUTE)).isNull();
    }

    @Test
    void answers_413_to_a_body_larger_than_the_limit_and_stops_there() throws Exception {
        byte[] body = new byte[RequestBodyFilter.MAX_BODY_BYTES + 1];
        AtomicReference<Integer> status = new AtomicReference<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        new RequestBodyFilter().doFilter(request("/outboxRead", "application/json", body), response(status, out),
                (req, res) -> passed.set(req));
        assertThat(status.get()).isEqualTo(413);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("send fewer events");
        assertThat(passed.get()).isNull();
    }
}
