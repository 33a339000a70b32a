package org.gradcheck.examples.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.Entry;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.Verdict;

/**
 * What screening and a full check see of one wrong entry, side by side: {@code f(x) = sum exp(x_i)} at
 * {@code x_i = 0.5 + 0.3 sin(i)}, from 10^3 to 10^7 parameters, with one gradient entry wrong by a relative error from
 * 1e-5 to 1, one entry with the wrong sign, or two neighbouring entries swapped. Counted, not timed: per cell, whether
 * each strategy failed the check naming a wrong entry, and the evaluations it used.
 *
 * <p>A full check of 10^7 parameters takes 2 x 10^7 evaluations; its verdict on the wrong entries is the same when only
 * their columns are checked, since each entry is judged from its own column (with the same noise measurement and
 * the same rule). The sweep checks those columns by putting each wrong entry in a block of its own and sampling one
 * parameter per block, and states the full check's evaluations as 2N plus that re-estimation.
 *
 * <p>Run with {@code mvn -B -q -Psweep -DskipTests verify} from the project's root ({@code -Dsweep.largest=1000000}
 * stops at 10^6: 10^7 parameters take about 25 minutes on 2 cores).
 */
public final class ScreeningSweep {

    /** The relative errors of the one wrong entry. */
    static final double[] RELATIVE_ERRORS = {1e-5, 1e-4, 1e-3, 1e-2, 1};

    private ScreeningSweep() {
    }

    /** A kind of wrong gradient: one entry off by a relative error, one with the wrong sign, two swapped. */
    record Bug(String name, double relativeError, boolean signFlip, boolean swap) {

        static List<Bug> all() {
            List<Bug> bugs = new ArrayList<>();
            for (double error : RELATIVE_ERRORS) {
                bugs.add(new Bug(String.format(Locale.ROOT, "x (1 + %.0e)", error), error, false, false));
            }
            bugs.add(new Bug("wrong sign", 0, true, false));
            bugs.add(new Bug("swapped pair", 0, false, true));
            return bugs;
        }
    }

    /** One cell: what each strategy said and what it cost. */
    record Cell(int n, Bug bug, boolean screeningDetected, long screeningEvaluations, boolean fullDetected,
            long fullEvaluations) {
    }

    /** The wrong entry: a third of the way into the vector. */
    static int wrongIndex(int n) {
        return n / 3;
    }

    static double[] point(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.3 * Math.sin(i);
        }
        return x;
    }

    static DifferentiableFunction function(Bug bug) {
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (double v : x) {
                sum += Math.exp(v);
            }
            return sum;
        }, x -> {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = Math.exp(x[i]);
            }
            int j = wrongIndex(x.length);
            if (bug.signFlip()) {
                g[j] = -g[j];
            } else if (bug.swap()) {
                double swapped = g[j];
                g[j] = g[j + 1];
                g[j + 1] = swapped;
            } else {
                g[j] *= 1 + bug.relativeError();
            }
            return g;
        });
    }

    /** Screening and the full check's verdict on the wrong entries of {@code bug} at {@code n} parameters. */
    static Cell cell(int n, Bug bug) {
        DifferentiableFunction function = function(bug);
        double[] x = point(n);
        int j = wrongIndex(n);
        int wrongCount = bug.swap() ? 2 : 1;
        GradientReport screening = GradientChecker.defaults().withStrategy(Strategy.screening()).check(function, x);
        ParameterLayout.Builder blocks = ParameterLayout.builder().vector("before", j);
        for (int k = 0; k < wrongCount; k++) {
            blocks.scalar("wrong" + k);
        }
        ParameterLayout layout = blocks.vector("after", n - j - wrongCount).build();
        GradientReport columns = GradientChecker.defaults().withStrategy(Strategy.sampled(1)).check(function, x, layout);
        // the sampled run checked 2 + wrongCount columns at 2 evaluations each beyond what any check does
        long reEstimation = columns.evaluations() - 2L * (2 + wrongCount);
        return new Cell(n, bug, names(screening, j, wrongCount), screening.evaluations(), names(columns, j, wrongCount),
                2L * n + reEstimation);
    }

    /** Whether the report failed, naming (failed or left unresolved) one of the wrong entries. */
    private static boolean names(GradientReport report, int j, int wrongCount) {
        if (report.passed()) {
            return false;
        }
        for (int k = 0; k < wrongCount; k++) {
            Entry entry = report.parameter(j + k);
            if (entry.verdict() == Verdict.FAIL || entry.verdict() == Verdict.UNRESOLVED) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        long largest = Long.getLong("sweep.largest", 10_000_000L);
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine: %d cores, Java %s (%s)%n", runtime.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
        out.println("f(x) = sum exp(x_i), one wrong gradient entry; detected = failed naming it; evaluations of f or g");
        out.printf(Locale.ROOT, "%10s  %-16s %10s %12s   %10s %16s%n", "N", "bug", "screening", "evaluations", "full",
                "evaluations");
        int missed = 0;
        for (long n = 1000; n <= largest; n *= 10) {
            for (Bug bug : Bug.all()) {
                Cell cell = cell((int) n, bug);
                out.printf(Locale.ROOT, "%10d  %-16s %10s %12d   %10s %16d%n", n, bug.name(),
                        cell.screeningDetected() ? "detected" : "passed", cell.screeningEvaluations(),
                        cell.fullDetected() ? "detected" : "passed", cell.fullEvaluations());
                missed += cell.fullDetected() && !cell.screeningDetected() ? 1 : 0;
            }
        }
        out.println(missed == 0 ? "screening detected every cell the full check detected"
                : missed + " cells detected by the full check were missed by screening");
    }
}
