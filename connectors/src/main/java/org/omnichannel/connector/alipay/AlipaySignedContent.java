package org.omnichannel.connector.alipay;

import java.util.Map;
import java.util.TreeMap;

/**
 * The exact text Alipay signs: every parameter except {@code sign} (and, for the "V1" variant that
 * trade notifications use, except {@code sign_type}), empty values left out, keys in ASCII order,
 * joined as {@code k=v} with {@code &}, values decoded and not re-encoded.
 */
final class AlipaySignedContent {

    private AlipaySignedContent() {
    }

    /**
     * @param includeSignType true for the V2 variant (open-platform gateway notifications), false for
     *                        V1 (trade_status_sync)
     */
    static String of(Map<String, String> params, boolean includeSignType) {
        TreeMap<String, String> sorted = new TreeMap<>(); // String order is UTF-16 order: ASCII for Alipay's keys
        params.forEach((k, v) -> {
            if (v != null && !v.isEmpty() && !k.equals("sign") && (includeSignType || !k.equals("sign_type"))) {
                sorted.put(k, v);
            }
        });
        StringBuilder content = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (content.length() > 0) {
                content.append('&');
            }
            content.append(k).append('=').append(v);
        });
        return content.toString();
    }
}
