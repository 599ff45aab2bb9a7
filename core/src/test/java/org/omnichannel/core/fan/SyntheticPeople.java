package org.omnichannel.core.fan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible population for tests: people with a name, birth date, city and e-mail, each
 * seen one to four times with the typos real data has (a letter dropped or doubled, a digit of
 * the birth date changed, a missing value). The entity of each record is kept apart.
 */
final class SyntheticPeople {

    private static final String[] GIVEN = {"oliver", "amelia", "jack", "isla", "harry", "ava", "george", "mia",
            "noah", "emily", "leo", "grace", "oscar", "lily", "charlie", "sophie", "thomas", "chloe", "james", "ella",
            "william", "freya", "henry", "evie", "daniel", "ruby", "samuel", "alice", "joseph", "florence"};
    private static final String[] SURNAME = {"smith", "jones", "taylor", "brown", "williams", "wilson", "johnson",
            "davies", "robinson", "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall",
            "wood", "jackson", "clarke", "patel", "khan", "lewis", "james", "phillips", "mason", "mitchell", "rose",
            "davis", "rodriguez", "cox", "alexander", "morris", "king", "baker", "harris", "ward", "turner"};
    private static final String[] SUFFIX = {"", "ford", "ton", "by", "ley", "field", "well", "more", "wick", "dale",
            "ham", "worth", "croft", "stone", "brook"};
    private static final String[] CITY = {"london", "leeds", "bristol", "manchester", "york", "hull", "bath",
            "derby", "exeter", "oxford"};

    record Labelled(FanRecord record, int entity) {
    }

    private SyntheticPeople() {
    }

    static List<Labelled> generate(int people, long seed) {
        Random random = new Random(seed);
        List<Labelled> out = new ArrayList<>();
        int id = 0;
        for (int p = 0; p < people; p++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            // Surnames from two parts (smithwood, joneshall...): as varied as a real population's.
            String surname = SURNAME[random.nextInt(SURNAME.length)] + SUFFIX[random.nextInt(SUFFIX.length)];
            String dob = String.format("%04d-%02d-%02d", 1940 + random.nextInt(65), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            String city = CITY[random.nextInt(CITY.length)];
            String email = given.charAt(0) + surname + random.nextInt(100) + "@example.com";
            int copies = 1 + random.nextInt(4);
            for (int c = 0; c < copies; c++) {
                FanRecord.Builder b = FanRecord.builder("r" + id++)
                        .attribute(PersonField.GIVEN_NAME, maybe(random, typo(random, given)))
                        .attribute(PersonField.SURNAME, maybe(random, typo(random, surname)))
                        .attribute(PersonField.DOB, maybe(random, random.nextDouble() < 0.15 ? digitTypo(random, dob) : dob))
                        .attribute(PersonField.CITY, maybe(random, city));
                if (random.nextDouble() < 0.5) {
                    b.identity(KeyType.EMAIL, email);
                }
                out.add(new Labelled(b.build(), p));
            }
        }
        return out;
    }

    private static String maybe(Random random, String value) {
        return random.nextDouble() < 0.1 ? null : value;
    }

    private static String typo(Random random, String s) {
        if (random.nextDouble() > 0.25 || s.length() < 3) {
            return s;
        }
        int at = 1 + random.nextInt(s.length() - 2);
        return random.nextBoolean() ? s.substring(0, at) + s.substring(at + 1) : s.substring(0, at) + s.charAt(at) + s.substring(at);
    }

    private static String digitTypo(Random random, String dob) {
        int[] digits = {2, 3, 6, 9};
        int at = digits[random.nextInt(digits.length)];
        char d = (char) ('0' + (dob.charAt(at) - '0' + 1) % 10);
        return dob.substring(0, at) + d + dob.substring(at + 1);
    }
}
