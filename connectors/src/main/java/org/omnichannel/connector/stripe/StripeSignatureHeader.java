package org.omnichannel.connector.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code Stripe-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=<hex>]}.
 * Only {@code v1} counts (https://docs.stripe.com/webhooks#verify-manually); several are sent while
 * a signing secret is rolled.
 */
record StripeSignatureHeader(long timestamp, String timestampText, List<String> v1) {

    /** Empty when the header is malformed (no {@code t}, a {@code t} that is not a number, an item without '='). */
    static Optional<StripeSignatureHeader> parse(String header) {
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String item : header.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (key.equals("t")) {
                t = value;
            } else if (key.equals("v1") && !value.isEmpty()) {
                v1.add(value);
            }
        }
        if (t == null || t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 12) {
            return Optional.empty();
        }
        return Optional.of(new StripeSignatureHeader(Long.parseLong(t), t, List.copyOf(v1)));
    }
}
