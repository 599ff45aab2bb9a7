package org.omnichannel.hub.ops;

import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.hub.support.GenericWebhooks;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard served by a real hub (embedded broker, OFBiz stand-in), opened in headless
 * Chromium: the channel rows, the counts from the hub's meters, the delivery lag, the dead-letter
 * depths and the readiness checks show, and the page follows new webhooks by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest {

    private static final String SECRET = "dashboard-test-secret";
    private static final String MARKUP = "<img src=x onerror=\"document.body.dataset.injected='yes'\"> & <b>bold</b>";
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    private OfbizStandIn ofbiz;
    private HubUnderTest hub;

    @BeforeAll
    void start_a_hub_with_two_channels(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("crm.secret");
        Files.writeString(secret, SECRET);
        HubUnderTest.writeChannels(dir, """
                channels:
                  - id: crm-eu
                    system: generic
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: file:%s
                  - id: pos-cn
                    system: generic
                    kind: OFFLINE_DIRECT
                    enabled: false
                    secrets:
                      webhookSecret: env:OMNI_CHANNEL_POS_CN_SECRET
                """.formatted(secret));
        ofbiz = OfbizStandIn.start(dir);
        hub = HubUnderTest.start(dir, ofbiz.hubProperties(dir));
        // A check whose message is markup, as an exception message may be: the page must show it as text.
        HealthCheckRegistry checks = HealthCheckHelper.getHealthCheckRegistry(hub.hub().main().getCamelContext());
        checks.register(new AbstractHealthCheck("test", "markup") {
            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                builder.message(MARKUP).up();
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (ofbiz != null) {
            ofbiz.close();
        }
    }

    @Test
    void shows_channels_counts_lag_dead_letters_and_readiness_and_follows_new_webhooks(@TempDir Path browserDir)
            throws Exception {
        ChromeDriver chrome = HeadlessChromium.start(browserDir);
        try {
            chrome.get(hub.managementUrl() + DashboardEndpoints.PAGE);
            assertThat(chrome.getTitle()).isEqualTo("Omnichannel hub");
            WebDriverWait wait = new WebDriverWait(chrome, PAGE_WAIT);
            wait.until(page -> refreshes(page) >= 1);
            assertThat(text(chrome, "tr[data-check='test/markup'] td[data-field='message']")).isEqualTo(MARKUP);
            assertThat(((JavascriptExecutor) chrome).executeScript(
                    "return document.querySelectorAll('#checks img, #checks b').length + ':' + document.body.dataset.injected;"))
                    .as("markup in a value is shown, never run").isEqualTo("0:undefined");
            assertThat(cell(chrome, "crm-eu", "received")).isEqualTo("0");

            List<String> eventIds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ChannelEvent event = GenericWebhooks.visit("crm-eu", "dashboard-" + i, "dashboard" + i + "@example.com");
                eventIds.add(event.eventId());
                assertThat(GenericWebhooks.post(hub.baseUrl() + "/webhooks/crm-eu", ChannelEventJson.toBytes(event), SECRET)
                        .statusCode()).isEqualTo(202);
            }
            byte[] tampered = ChannelEventJson.toBytes(GenericWebhooks.visit("crm-eu", "forged", "forged@example.com"));
            assertThat(GenericWebhooks.post(hub.baseUrl() + "/webhooks/crm-eu", tampered, "not-the-secret").statusCode())
                    .isEqualTo(401);
            assertThat(ofbiz.awaitProcessed(eventIds, Duration.ofSeconds(60))).isTrue();

            // The page was loaded before the webhooks: it must pick them up by polling.
            wait.until(page -> "3".equals(cell(page, "crm-eu", "received"))
                    && "3".equals(cell(page, "crm-eu", "delivered")));
            assertThat(cell(chrome, "crm-eu", "rejected")).isEqualTo("1");
            assertThat(text(chrome, "tr[data-channel='crm-eu'] td[data-field='rejected'] .reasons")).isEqualTo("signature 1");
            assertThat(cell(chrome, "crm-eu", "queued")).isEqualTo("3");
            assertThat(cell(chrome, "crm-eu", "deadLettered")).isEqualTo("0");
            assertThat(text(chrome, "tr[data-channel='crm-eu'] td[data-field='system']")).isEqualTo("generic");
            assertThat(text(chrome, "tr[data-channel='crm-eu'] td[data-field='kind']")).isEqualTo("OWN_ECOMMERCE");
            assertThat(text(chrome, "tr[data-channel='crm-eu'] td[data-field='enabled']")).isEqualTo("yes");
            assertThat(text(chrome, "tr[data-channel='crm-eu'] td[data-field='route']")).isEqualTo("Started");

            assertThat(text(chrome, "tr[data-channel='pos-cn'] td[data-field='kind']")).isEqualTo("OFFLINE_DIRECT");
            assertThat(text(chrome, "tr[data-channel='pos-cn'] td[data-field='enabled']")).isEqualTo("no");
            assertThat(text(chrome, "tr[data-channel='pos-cn'] td[data-field='route']")).isEqualTo("none");
            assertThat(cell(chrome, "pos-cn", "received")).isEqualTo("0");

            // Lag and dead letters come from Kafka every few seconds: wait for the gauges' first reading.
            wait.until(page -> "0 events".equals(text(page, "#delivery [data-field='lag']"))
                    && "0".equals(text(page, "tr[data-topic='omni.inbound.dlq'] td[data-field='depth']")));
            assertThat(text(chrome, "#delivery [data-field='state']")).isEqualTo("on");
            assertThat(text(chrome, "tr[data-topic='omni.outbound.dlq'] td[data-field='depth']")).isEqualTo("0");
            assertThat(text(chrome, "#readiness")).isEqualTo("ready");
            assertThat(text(chrome, "tr[data-check='omni/kafka'] td[data-field='state']")).isEqualTo("UP");
            assertThat(text(chrome, "tr[data-check='omni/ofbiz-delivery'] td[data-field='state']")).isEqualTo("UP");
            assertThat(((JavascriptExecutor) chrome).executeScript("return document.querySelectorAll('#channels tbody tr').length;"))
                    .isEqualTo(2L);
            // -Domni.dashboard.screenshot=/tmp/dashboard.png keeps a picture of the page for a look by eye.
            String screenshot = System.getProperty("omni.dashboard.screenshot", "");
            if (!screenshot.isBlank()) {
                Files.write(Path.of(screenshot), chrome.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            chrome.quit();
        }
    }

    @Test
    void serves_the_snapshot_as_json_without_secrets_and_the_page_under_a_strict_content_security_policy()
            throws Exception {
        HttpResponse<String> json = get(hub.managementUrl() + DashboardEndpoints.DATA);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.body()).contains("\"id\":\"crm-eu\"", "\"id\":\"pos-cn\"", "\"topic\":\"omni.inbound.dlq\"")
                .doesNotContain(SECRET, OfbizStandIn.PASSWORD, OfbizStandIn.TRUSTSTORE_PASSWORD, "@example.com");

        HttpResponse<String> page = get(hub.managementUrl() + DashboardEndpoints.PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'", "script-src 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get(hub.managementUrl() + DashboardEndpoints.PAGE + "/dashboard.js").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String url) {
        return GenericWebhooks.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static int refreshes(WebDriver page) {
        String value = text(page, "body[data-refreshes]") == null ? null
                : (String) ((JavascriptExecutor) page).executeScript("return document.body.dataset.refreshes;");
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** The count shown in a channel's cell, or null while the row is not there yet. */
    private static String cell(WebDriver page, String channelId, String field) {
        return text(page, "tr[data-channel='" + channelId + "'] td[data-field='" + field + "'] .count");
    }

    /**
     * The text of the first element matching {@code css}, or null. Read in the page in one step:
     * the page replaces its rows on every refresh, so an element found first and read later may be gone.
     */
    private static String text(WebDriver page, String css) {
        Object text = ((JavascriptExecutor) page).executeScript(
                "const found = document.querySelector(arguments[0]); return found ? found.textContent.trim() : null;", css);
        return (String) text;
    }
}
