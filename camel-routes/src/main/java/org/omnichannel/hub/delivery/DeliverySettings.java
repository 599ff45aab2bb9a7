package org.omnichannel.hub.delivery;

import org.apache.camel.spi.PropertiesComponent;
import org.omnichannel.hub.channel.SecretReference;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Where and how the hub delivers to OFBiz. The password is a reference (env:/file:), like the
 * channels' secrets.
 */
public record DeliverySettings(URI baseUrl, String username, SecretReference password, Path truststore,
                               SecretReference truststorePassword, String groupId, int batchSize,
                               Duration initialBackoff, Duration maxBackoff, Duration timeout) {

    /** Empty base URL: delivery is off and events wait on omni.inbound. */
    public static DeliverySettings from(PropertiesComponent props) {
        String base = get(props, "omni.ofbiz.baseUrl", "");
        if (base.isBlank()) {
            return null;
        }
        String username = get(props, "omni.ofbiz.username", "");
        String password = get(props, "omni.ofbiz.password", "");
        if (username.isBlank() || password.isBlank()) {
            throw new IllegalStateException("omni.ofbiz.baseUrl is set but omni.ofbiz.username or omni.ofbiz.password is "
                    + "not: set OMNI_OFBIZ_USERNAME and OMNI_OFBIZ_PASSWORD (the password as env:VARIABLE or file:/path)");
        }
        String truststore = get(props, "omni.ofbiz.truststore", "");
        String truststorePassword = get(props, "omni.ofbiz.truststorePassword", "");
        return new DeliverySettings(URI.create(base), username, reference("omni.ofbiz.password", password),
                truststore.isBlank() ? null : Path.of(truststore),
                truststorePassword.isBlank() ? null : reference("omni.ofbiz.truststorePassword", truststorePassword),
                get(props, "omni.delivery.groupId", "omni-hub-delivery"),
                Integer.parseInt(get(props, "omni.delivery.batchSize", "100")),
                Duration.ofMillis(Long.parseLong(get(props, "omni.delivery.initialBackoffMs", "500"))),
                Duration.ofMillis(Long.parseLong(get(props, "omni.delivery.maxBackoffMs", "30000"))),
                Duration.ofMillis(Long.parseLong(get(props, "omni.ofbiz.timeoutMs", "300000"))));
    }

    public OfbizClient client(Function<String, String> environment) {
        return new OfbizClient(baseUrl, username, password.resolve(environment), truststore,
                truststorePassword == null ? null : truststorePassword.resolve(environment), timeout);
    }

    private static SecretReference reference(String key, String text) {
        try {
            return SecretReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }

    private static String get(PropertiesComponent props, String key, String fallback) {
        return props.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
