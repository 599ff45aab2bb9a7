package org.omnichannel.bench.identity;

import org.omnichannel.core.fan.KeyType;
import org.omnichannel.core.fan.PersonField;

import java.util.ArrayList;
import java.util.List;

/** What a CSV column is: a person attribute or a strong identifier. Exactly one is set. */
public record Target(PersonField field, KeyType key) {

    public static Target parse(String name) {
        for (PersonField f : PersonField.values()) {
            if (f.name().equals(name)) {
                return new Target(f, null);
            }
        }
        for (KeyType k : KeyType.values()) {
            if (k.name().equals(name)) {
                return new Target(null, k);
            }
        }
        List<String> known = new ArrayList<>();
        for (PersonField f : PersonField.values()) {
            known.add(f.name());
        }
        for (KeyType k : KeyType.values()) {
            known.add(k.name());
        }
        throw new IllegalArgumentException("unknown FIELD '" + name + "'; the fields are " + known);
    }
}
