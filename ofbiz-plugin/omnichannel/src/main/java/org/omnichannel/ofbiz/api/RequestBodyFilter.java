package org.omnichannel.ofbiz.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Keeps the raw body of the hub's API requests for {@link OmniApiEvents}. OFBiz's ContextFilter
 * reads every application/json body as a JSON object and copies its fields into request
 * attributes; an ingest body is an array, so it would be consumed and lost. For the three API
 * requests this filter reads the body first (at most {@link #MAX_BODY_BYTES}), stores it in the
 * request attribute {@link #BODY_ATTRIBUTE} and hands on a request without a body content type,
 * so OFBiz leaves the body to the event. Every other request passes untouched.
 */
public final class RequestBodyFilter implements Filter {

    /** The request attribute that holds the body, as byte[]. */
    public static final String BODY_ATTRIBUTE = "omnichannel.requestBody";
    /** 500 events of a few KiB each, with room to spare. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final Set<String> API_REQUESTS = Set.of("ingestEvents", "outboxRead", "outboxAck");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !isApiRequest(http)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            HttpServletResponse http413 = (HttpServletResponse) response;
            http413.setStatus(413);
            http413.setContentType("application/json;charset=UTF-8");
            http413.getOutputStream().write(ApiAnswers.error("the body is larger than " + MAX_BODY_BYTES
                    + " bytes: send fewer events per request"));
            return;
        }
        http.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new BodylessRequest(http), response);
    }

    static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) {
            return false;
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        return API_REQUESTS.contains(name);
    }

    /** The request as OFBiz sees it after the body was taken: no body content type to parse. */
    private static final class BodylessRequest extends HttpServletRequestWrapper {
        BodylessRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }
    }
}
