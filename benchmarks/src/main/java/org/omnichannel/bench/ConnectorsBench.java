package org.omnichannel.bench;

import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.connector.spi.MappingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Mapping throughput of every connector on the classpath: {@code bin/omni bench connectors [--quick]}.
 * JMH measures {@link Connector#map} of one recorded request per sample (see {@link ConnectorSample};
 * verification is not included), and the figures are printed as requests/s and events/s. Connectors
 * on the classpath without a sample are listed, not silently skipped. {@code --quick} runs a tiny,
 * in-process round (a smoke run, its figures meaningless); the default is 1 fork, 5 × 1 s warm-up and
 * 5 × 1 s measurement per sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConnectorsBench {

    /** The sample to map; main() sets the list from connector-samples/index.txt. */
    @Param({"alipay.trade-success"})
    public String sample;

    private Connector connector;
    private ConnectorSample recorded;

    @Setup
    public void setUp() {
        recorded = ConnectorSample.load(sample);
        connector = Connectors.load().require(recorded.system());
    }

    @Benchmark
    public MappingResult map() {
        return connector.map(recorded.request(), recorded.channel());
    }

    /** One line of the printed table. */
    record Figure(String sample, String system, int eventsPerRequest, double requestsPerSecond, double error) {
        double eventsPerSecond() {
            return requestsPerSecond * eventsPerRequest;
        }
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        List<Figure> figures = run(quick);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-32s %-10s %8s %16s %16s%n", "sample", "system", "events/req", "requests/s",
                "events/s");
        for (Figure f : figures) {
            System.out.printf(Locale.ROOT, "%-32s %-10s %8d %16s %16.0f%n", f.sample(), f.system(), f.eventsPerRequest(),
                    String.format(Locale.ROOT, "%.0f ± %.0f", f.requestsPerSecond(), f.error()), f.eventsPerSecond());
        }
    }

    /** Runs JMH over every sample whose connector is on the classpath and returns its figures. */
    static List<Figure> run(boolean quick) throws RunnerException {
        Connectors connectors = Connectors.load();
        List<String> samples = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (String name : ConnectorSample.names()) {
            ConnectorSample s = ConnectorSample.load(name);
            if (connectors.find(s.system()).isPresent()) {
                samples.add(name);
                covered.add(s.system());
            }
        }
        for (String system : connectors.systems()) {
            if (!covered.contains(system)) {
                System.out.println("connector '" + system + "' has no sample in connector-samples/index.txt: not measured");
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ConnectorsBench.class.getName() + ".map")
                .param("sample", samples.toArray(String[]::new))
                .shouldFailOnError(true);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100)).verbosity(VerboseMode.SILENT);
        } else {
            options.forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                    .jvmArgsAppend("-Domni.fixtures=" + ConnectorSample.fixtures());
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Figure> figures = new ArrayList<>();
        for (RunResult result : results) {
            String name = result.getParams().getParam("sample");
            ConnectorSample s = ConnectorSample.load(name);
            int events = connectors.require(s.system()).map(s.request(), s.channel()).events().size();
            double error = result.getPrimaryResult().getScoreError();
            figures.add(new Figure(name, s.system(), events, result.getPrimaryResult().getScore(),
                    Double.isNaN(error) ? 0 : error));
        }
        return figures;
    }
}
