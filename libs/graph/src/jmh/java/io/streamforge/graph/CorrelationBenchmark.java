package io.streamforge.graph;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Correlation matrix of 500 symbols × 2,000 returns: ours vs Apache Commons Math, same run. Not
 * part of the build; run with {@code ./mvnw -pl libs/graph -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CorrelationBenchmark {
    @Param("500")
    int symbols;

    @Param("2000")
    int returns;

    double[][] rows; // [symbol][time], our layout
    double[][] observations; // [time][symbol], Commons Math layout

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        rows = new double[symbols][returns];
        observations = new double[returns][symbols];
        for (int t = 0; t < returns; t++) {
            double market = rnd.nextGaussian() * 0.01;
            for (int s = 0; s < symbols; s++) {
                double r = (0.2 + 0.8 * s / symbols) * market + rnd.nextGaussian() * 0.01;
                rows[s][t] = r;
                observations[t][s] = r;
            }
        }
    }

    @Benchmark
    public double[] oursPearson() {
        return Correlations.pearson(rows);
    }

    @Benchmark
    public double[] oursSpearman() {
        return Correlations.spearman(rows);
    }

    @Benchmark
    public Object commonsMathPearson() {
        return new PearsonsCorrelation(observations).getCorrelationMatrix();
    }
}
