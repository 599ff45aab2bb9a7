package org.omnichannel.core.fan.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Personal names to a comparable {@link PersonName}: NFKC, case and accents folded, Han written
 * in pinyin with ICU4J, honorifics removed (先生, 女士, 小姐, 太太, 夫人; Mr, Mrs, Ms, Miss, Dr),
 * Chinese and Western order told apart. "王小明", "王 小明", "Wang Xiaoming" and "Xiaoming Wang"
 * all become given xiaoming, surname wang; "王先生" and "Mr Wang" become surname wang only; "小明"
 * becomes given xiaoming only.
 */
public final class Names {

    /** Honorifics written after a Chinese surname, with the gender they tell. */
    private static final Map<String, String> HAN_HONORIFICS = Map.of("先生", "M", "女士", "F", "小姐", "F",
            "太太", "F", "夫人", "F");
    /** Honorifics written before a Western name. */
    private static final Map<String, String> LATIN_HONORIFICS = Map.ofEntries(Map.entry("mr", "M"),
            Map.entry("mrs", "F"), Map.entry("ms", "F"), Map.entry("miss", "F"), Map.entry("mister", "M"),
            Map.entry("dr", ""), Map.entry("prof", ""), Map.entry("sir", "M"), Map.entry("madam", "F"),
            Map.entry("mx", ""));
    /** Two-character Chinese surnames; any other Han name's surname is its first character. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫",
            "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "轩辕", "端木", "独孤", "南宫", "西门",
            "百里", "呼延", "闻人", "澹台", "申屠", "钟离", "濮阳", "歐陽", "諸葛");
    /** Prefixes of familiar Chinese given-name forms (小明, 阿明): the whole is a given name. */
    private static final Set<Character> FAMILIAR_PREFIXES = Set.of('小', '阿');

    private Names() {
    }

    /**
     * Normalises whatever a channel gave: a full name, and/or separate given and family names.
     * Separate parts win over the full name when both are present.
     */
    public static PersonName normalize(String fullName, String givenName, String familyName) {
        String hint = null;
        String given = null;
        String surname = null;
        if (givenName != null || familyName != null) {
            PersonName g = givenName == null ? PersonName.NONE : part(givenName);
            PersonName f = familyName == null ? PersonName.NONE : part(familyName);
            given = g.given();
            surname = f.given();
            hint = g.genderHint() != null ? g.genderHint() : f.genderHint();
        }
        if (fullName != null && (given == null || surname == null)) {
            PersonName full = full(fullName);
            given = given == null ? full.given() : given;
            surname = surname == null ? full.surname() : surname;
            hint = hint == null ? full.genderHint() : hint;
        }
        return new PersonName(given, surname, hint);
    }

    /** A full name in either order, with or without honorific. */
    public static PersonName full(String raw) {
        String s = Text.nfkc(raw);
        if (s == null) {
            return PersonName.NONE;
        }
        if (Text.containsHan(s)) {
            return han(s.replaceAll("[\\s·・.]+", ""));
        }
        List<String> tokens = new ArrayList<>(List.of(Text.fold(s) == null ? new String[0] : Text.fold(s).split(" ")));
        String hint = null;
        boolean honorific = false;
        while (!tokens.isEmpty() && LATIN_HONORIFICS.containsKey(tokens.get(0))) {
            String h = LATIN_HONORIFICS.get(tokens.remove(0));
            hint = h.isEmpty() ? hint : h;
            honorific = true;
        }
        if (tokens.isEmpty()) {
            return new PersonName(null, null, hint);
        }
        if (tokens.size() == 1) {
            String only = tokens.get(0);
            // "Mr Wang": an honorific goes with the family name; a lone Chinese surname is one too.
            return honorific || ChineseSurnames.isSurname(only)
                    ? new PersonName(null, only, hint) : new PersonName(only, null, hint);
        }
        String first = tokens.get(0);
        String last = tokens.get(tokens.size() - 1);
        if (ChineseSurnames.isSurname(first) && !ChineseSurnames.isSurname(last)) {
            // Chinese order in pinyin: Wang Xiaoming, Wang Xiao Ming.
            return new PersonName(String.join("", tokens.subList(1, tokens.size())), first, hint);
        }
        return new PersonName(String.join("", tokens.subList(0, tokens.size() - 1)), last, hint);
    }

    /** One name part (a given or a family name field): honorifics dropped, spaces removed. */
    public static PersonName part(String raw) {
        String s = Text.nfkc(raw);
        if (s == null) {
            return PersonName.NONE;
        }
        String hint = null;
        if (Text.containsHan(s)) {
            for (Map.Entry<String, String> h : HAN_HONORIFICS.entrySet()) {
                if (s.endsWith(h.getKey()) && s.length() > h.getKey().length()) {
                    s = s.substring(0, s.length() - h.getKey().length());
                    hint = h.getValue();
                }
            }
        }
        String folded = Text.fold(s);
        if (folded == null) {
            return PersonName.NONE;
        }
        List<String> tokens = new ArrayList<>(List.of(folded.split(" ")));
        while (tokens.size() > 1 && LATIN_HONORIFICS.containsKey(tokens.get(0))) {
            String h = LATIN_HONORIFICS.get(tokens.remove(0));
            hint = h.isEmpty() ? hint : h;
        }
        return new PersonName(String.join("", tokens), null, hint);
    }

    private static PersonName han(String s) {
        String hint = null;
        for (Map.Entry<String, String> h : HAN_HONORIFICS.entrySet()) {
            if (s.endsWith(h.getKey()) && s.length() > h.getKey().length()) {
                // 王先生: what is left before the honorific is the family name.
                String surname = s.substring(0, s.length() - h.getKey().length());
                return new PersonName(null, compact(surname), h.getValue());
            }
        }
        if (s.length() == 2 && FAMILIAR_PREFIXES.contains(s.charAt(0))) {
            return new PersonName(compact(s), null, hint);
        }
        if (s.length() == 1) {
            return new PersonName(null, compact(s), hint);
        }
        int surnameLength = s.length() > 2 && COMPOUND_SURNAMES.contains(s.substring(0, 2)) ? 2 : 1;
        return new PersonName(compact(s.substring(surnameLength)), compact(s.substring(0, surnameLength)), hint);
    }

    private static String compact(String s) {
        String c = Text.compact(s);
        return c == null ? null : c.toLowerCase(Locale.ROOT);
    }
}
