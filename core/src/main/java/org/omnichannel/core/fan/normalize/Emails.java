package org.omnichannel.core.fan.normalize;

import java.util.Locale;
import java.util.Set;

/**
 * E-mail addresses to one comparable form: NFKC (full-width @ and letters), trimmed, a
 * {@code mailto:} or angle brackets dropped, lower case. Provider rules are applied only where the
 * provider documents them: Gmail ignores dots in the local part and anything after a '+'
 * (googlemail.com is gmail.com); Outlook.com and iCloud document '+' sub-addressing.
 */
public final class Emails {

    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_ADDRESSING = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "icloud.com", "me.com", "mac.com");

    private Emails() {
    }

    /** The normal form, or null when the value is not an address (no '@', no domain with a dot). */
    public static String normalize(String raw) {
        String s = Text.nfkc(raw);
        if (s == null) {
            return null;
        }
        s = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (s.startsWith("mailto:")) {
            s = s.substring("mailto:".length());
        }
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return null;
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
            return null;
        }
        if (PLUS_ADDRESSING.contains(domain)) {
            int plus = local.indexOf('+');
            if (plus > 0) {
                local = local.substring(0, plus);
            }
        }
        if (GMAIL.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local.isEmpty() ? null : local + "@" + domain;
    }

    /** The part before the '@' of a normalised address. */
    public static String localPart(String normalized) {
        int at = normalized.lastIndexOf('@');
        return at < 0 ? normalized : normalized.substring(0, at);
    }
}
