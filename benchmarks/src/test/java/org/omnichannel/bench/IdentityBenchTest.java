package org.omnichannel.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.bench.identity.BenchOptions;
import org.omnichannel.bench.identity.Scores;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityBenchTest {

    private static final Path DATA = Path.of(System.getProperty("omni.benchmarks.data", "../../shared/benchmarks"),
            "identity");

    @Test
    void a_tiny_run_on_splink_records_prints_the_figures_line_last(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DATA.resolve("splink_fake_1000/fake_1000.csv"));
        Path tiny = dir.resolve("tiny.csv");
        Files.write(tiny, lines.subList(0, 121));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Scores scores = IdentityBench.run(BenchOptions.parse("--input", tiny.toString(), "--format", "generic",
                "--id-col", "unique_id", "--truth-col", "cluster",
                "--map", "first_name=GIVEN_NAME,surname=SURNAME,dob=DOB,city=CITY,email=EMAIL",
                "--order", "shuffled", "--seed", "7", "--warmup", "0"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] out = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(out[out.length - 1]).matches("precision=[0-9.]+ recall=[0-9.]+ f1=[0-9.]+ b3_f1=[0-9.]+ records=120 "
                + "seconds=[0-9.]+ records_per_s=[0-9]+ peak_heap_mb=[0-9.]+");
        assertThat(scores.f1()).isGreaterThan(0.7);
    }

    @Test
    void linkage_scores_only_pairs_across_the_two_files(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        String header = "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id";
        Files.write(a, List.of(header,
                "rec-1-org, mitchell, green, 7, wallaby place, delmar, cleveland, 2119, sa, 19560409, 1804974",
                "rec-2-org, harley, mccarthy, 177, pridham street, milton, marsden, 3165, nsw, 19080419, 6089216",
                "rec-3-org, madeline, mason, 54, hoseason street, lakefront, granville, 4881, nsw, 19081128, 2185997"));
        Files.write(b, List.of(header,
                "rec-1-dup-0, mitchell, green, 7, wallaby plce, delmar, cleveland, 2119, sa, 19560409, 1804974",
                "rec-2-dup-0, harley, mccarthy, 177, pridhamstreet, milton, marsden, 3165, nsw, 19080419, 6089216",
                "rec-3-dup-0, madeline, masson, 54, hoseason street, lakefront, granville, 4881, nsw, 19081128, 2185997"));
        Scores scores = IdentityBench.run(BenchOptions.parse("--input", a.toString(), "--input-b", b.toString(),
                "--format", "febrl", "--train", "priors", "--warmup", "0"), new PrintStream(new ByteArrayOutputStream()));
        assertThat(scores.truePairs()).isEqualTo(3);
        assertThat(scores.f1()).isEqualTo(1.0);
    }

    @Test
    void bad_command_lines_are_refused_naming_what_is_wrong() {
        assertThatThrownBy(() -> BenchOptions.parse("--format", "febrl")).hasMessageStartingWith("--input FILE is required");
        assertThatThrownBy(() -> BenchOptions.parse("--input", "x.csv", "--format", "csv"))
                .hasMessageStartingWith("--format must be one of [splink, febrl, generic], was 'csv'");
        assertThatThrownBy(() -> BenchOptions.parse("--input", "x.csv", "--format", "generic", "--id-col", "id",
                "--truth-col", "t", "--map", "name=NAME")).hasMessageStartingWith("unknown FIELD 'NAME'");
        assertThatThrownBy(() -> BenchOptions.parse("--input", "x.csv", "--format", "generic", "--id-col", "id",
                "--map", "n=FULL_NAME")).hasMessageStartingWith("--truth-col is required with --format generic");
        assertThatThrownBy(() -> BenchOptions.parse("--input", "x.csv", "--format", "febrl", "--order", "random"))
                .hasMessageStartingWith("--order must be one of [file, shuffled]");
        assertThatThrownBy(() -> BenchOptions.parse("--input", "x.csv", "--bogus", "1"))
                .hasMessageStartingWith("unknown option --bogus");
    }

    @Test
    void a_missing_column_is_named_with_the_columns_there_are(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, "id,name\n1,Ann\n");
        assertThatThrownBy(() -> IdentityBench.run(BenchOptions.parse("--input", f.toString(), "--id-col", "id",
                "--truth-col", "entity", "--map", "name=FULL_NAME"), new PrintStream(new ByteArrayOutputStream())))
                .hasMessage("no column 'entity'; the columns are [id, name]");
    }
}
