package org.omnichannel.bench.identity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@code bin/omni bench identity}:
 * <pre>
 * --input FILE [--input-b FILE] --format splink|febrl|generic [--id-col C --truth-col C
 * --map column=FIELD,...] [--order file|shuffled] [--seed N] [--region CC] [--match-probability P]
 * [--train em|priors] [--model-out FILE] [--warmup N]
 * </pre>
 */
public record BenchOptions(Path input, Path inputB, Format format, String idColumn, String truthColumn,
                           Map<String, Target> mapping, Order order, long seed, String region,
                           Double matchProbability, boolean train, Path modelOut, int warmup) {

    /** Column presets. */
    public enum Format { SPLINK, FEBRL, GENERIC }

    /** Arrival order of the records. */
    public enum Order { FILE, SHUFFLED }

    public static final String USAGE = """
            usage: bin/omni bench identity --input FILE [--input-b FILE] --format splink|febrl|generic
                     [--id-col C --truth-col C --map column=FIELD,...] [--order file|shuffled] [--seed N]
                     [--region CC] [--match-probability P] [--train em|priors] [--model-out FILE] [--warmup N]
              FIELD: GIVEN_NAME SURNAME FULL_NAME DOB EMAIL PHONE ADDRESS STREET_NUMBER LOCALITY CITY POSTCODE
                     STATE COUNTRY NATIONAL_ID GENDER, or an identity type (WECHAT_OPENID, LOYALTY_CARD, ...)
              --format splink and febrl preset the columns of those files; --map adds to or overrides them.
              With --input-b, only pairs across the two files are scored (linkage).
              --warmup N: untimed passes into throwaway stores before the timed one (default 10, at most
                     about 100,000 records in all), so that records/s is the JIT-compiled steady state;
                     0 measures a cold JVM.""";

    public static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'\n" + USAGE);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("option " + name + " needs a value\n" + USAGE);
            }
            values.put(name.substring(2), args[++i]);
        }
        for (String name : values.keySet()) {
            if (!java.util.Set.of("input", "input-b", "format", "id-col", "truth-col", "map", "order", "seed", "region",
                    "match-probability", "train", "model-out", "warmup").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        String input = values.get("input");
        if (input == null) {
            throw new IllegalArgumentException("--input FILE is required\n" + USAGE);
        }
        Format format = choice(Format.class, "format", values.getOrDefault("format", "generic"));
        Map<String, Target> mapping = new LinkedHashMap<>(Presets.mapping(format));
        if (values.containsKey("map")) {
            for (String pair : values.get("map").split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("--map entry '" + pair + "' must be column=FIELD");
                }
                mapping.put(pair.substring(0, eq).strip(), Target.parse(pair.substring(eq + 1).strip()));
            }
        }
        String id = values.getOrDefault("id-col", Presets.idColumn(format));
        String truth = values.getOrDefault("truth-col", Presets.truthColumn(format));
        if (id == null) {
            throw new IllegalArgumentException("--id-col is required with --format generic\n" + USAGE);
        }
        if (truth == null && format != Format.FEBRL) {
            throw new IllegalArgumentException("--truth-col is required with --format generic\n" + USAGE);
        }
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException("--map is required with --format generic: say which column is which FIELD\n"
                    + USAGE);
        }
        long seed;
        try {
            seed = Long.parseLong(values.getOrDefault("seed", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, was '" + values.get("seed") + "'");
        }
        Double probability = null;
        if (values.containsKey("match-probability")) {
            try {
                probability = Double.parseDouble(values.get("match-probability"));
            } catch (NumberFormatException e) {
                probability = Double.NaN;
            }
            if (!(probability > 0 && probability < 1)) {
                throw new IllegalArgumentException("--match-probability must be a number between 0 and 1 (exclusive), was '"
                        + values.get("match-probability") + "'");
            }
        }
        int warmup;
        try {
            warmup = Integer.parseInt(values.getOrDefault("warmup", "10"));
        } catch (NumberFormatException e) {
            warmup = -1;
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be a whole number of passes, 0 or more, was '"
                    + values.get("warmup") + "'");
        }
        String train = values.getOrDefault("train", "em");
        if (!train.equals("em") && !train.equals("priors")) {
            throw new IllegalArgumentException("--train must be em or priors, was '" + train + "'");
        }
        return new BenchOptions(Path.of(input), values.containsKey("input-b") ? Path.of(values.get("input-b")) : null,
                format, id, truth, Map.copyOf(mapping), choice(Order.class, "order", values.getOrDefault("order", "file")),
                seed, values.get("region"), probability, train.equals("em"),
                values.containsKey("model-out") ? Path.of(values.get("model-out")) : null, warmup);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + option + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", was '" + value + "'");
        }
    }
}
