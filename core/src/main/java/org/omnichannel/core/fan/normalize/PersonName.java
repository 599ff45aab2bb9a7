package org.omnichannel.core.fan.normalize;

/**
 * A name in comparable form: toneless pinyin or ASCII, lower case, no spaces (xiaoming, wang).
 * Either part may be null: 王先生 has only a surname, 小明 only a given name.
 *
 * @param given      the given name(s)
 * @param surname    the family name
 * @param genderHint M or F when an honorific told it (先生, Mrs), else null
 */
public record PersonName(String given, String surname, String genderHint) {

    public static final PersonName NONE = new PersonName(null, null, null);

    public boolean isEmpty() {
        return given == null && surname == null;
    }
}
