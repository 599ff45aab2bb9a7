package org.omnichannel.core.fan.normalize;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Shared text folding for the normalisers: Unicode NFKC (full-width digits and letters become
 * ASCII, compatibility forms collapse), lower case, accents removed, Han characters spelled in
 * pinyin by ICU4J's name-aware transliterator.
 */
public final class Text {

    /** ICU's Han-to-Latin with the surname readings (单 is Shan, 曾 is Zeng), then ASCII, lower case. */
    private static final Transliterator HAN_TO_PINYIN =
            Transliterator.getInstance("Han-Latin/Names; Latin-ASCII; Lower");
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    private Text() {
    }

    /** NFKC and trimmed; null for null or blank. */
    public static String nfkc(String raw) {
        if (raw == null) {
            return null;
        }
        String s = isAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * Folded for comparison: NFKC, lower case, accents removed, any script spelled in Latin
     * (Han in pinyin), every character other than a letter or digit turned into one space.
     */
    public static String fold(String raw) {
        String s = nfkc(raw);
        if (s == null) {
            return null;
        }
        if (!isAscii(s)) {
            s = containsHan(s) ? pinyin(s) : ascii(s);
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            } else {
                space = true;
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** {@link #fold} with the spaces removed: "soph ie" and "sophie" become one value. */
    public static String compact(String raw) {
        String folded = fold(raw);
        if (folded == null) {
            return null;
        }
        String compact = folded.replace(" ", "");
        return compact.isEmpty() ? null : compact;
    }

    /** Han characters spelled in toneless pinyin, syllables separated by spaces (王小明: wang xiao ming). */
    public static String pinyin(String han) {
        synchronized (HAN_TO_PINYIN) {
            return HAN_TO_PINYIN.transliterate(han);
        }
    }

    private static String ascii(String s) {
        synchronized (TO_ASCII) {
            return TO_ASCII.transliterate(s);
        }
    }

    public static boolean containsHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    public static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Only the letters and digits of a folded value, upper case (ids, postcodes). */
    public static String alnumUpper(String raw) {
        String s = compact(raw);
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
