package org.omnichannel.hub.ingress;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.support.HubUnderTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook port is served on several event loops: new connections are spread over them. */
class HttpEventLoopsTest {

    @Test
    void connections_to_the_webhook_port_are_served_on_as_many_event_loops_as_configured(@TempDir Path dir) throws Exception {
        Set<String> threads = threadsServing(dir, "3", 12);

        assertThat(threads).allMatch(name -> name.startsWith("vert.x-eventloop-thread-")).hasSize(3);
    }

    @Test
    void one_event_loop_when_asked(@TempDir Path dir) throws Exception {
        assertThat(threadsServing(dir, "1", 6)).hasSize(1);
    }

    /**
     * Starts a hub with {@code omni.http.eventLoops}, puts a probe on the router the webhook routes are on
     * (it answers with the thread that served it), and calls it on {@code connections} new connections.
     */
    private static Set<String> threadsServing(Path dir, String eventLoops, int connections) throws Exception {
        HubUnderTest hub = HubUnderTest.start(dir, Map.of("omni.http.eventLoops", eventLoops));
        try {
            int port = URI.create(hub.baseUrl()).getPort();
            VertxPlatformHttpRouter.lookup(hub.hub().main().getCamelContext(), VertxPlatformHttpRouter.getRouterNameFromPort(port))
                    .route("/probe-thread").handler(request -> request.response().end(Thread.currentThread().getName()));
            Set<String> threads = new HashSet<>();
            for (int i = 0; i < connections; i++) {
                threads.add(getOnNewConnection(port, "/probe-thread"));
            }
            return threads;
        } finally {
            hub.close();
        }
    }

    /** A GET on a connection of its own (Connection: close), returning the body. */
    private static String getOnNewConnection(int port, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            return response.substring(response.indexOf("\r\n\r\n") + 4).strip();
        }
    }
}
