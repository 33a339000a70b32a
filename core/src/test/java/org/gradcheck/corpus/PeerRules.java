package org.gradcheck.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.VectorFunction;

/**
 * The decision rules of two other gradient checks, written here so that the scoreboard can score them on the corpus
 * beside GradCheck's: PyTorch's {@code torch.autograd.gradcheck} with its defaults, and the article's check. Both
 * take central differences with a fixed absolute step, {@code (f(x + eps e_j) - f(x - eps e_j)) / (2 eps)}, one
 * coordinate at a time, and neither measures noise, refines, or looks for kinks. A gradient is a Jacobian with one
 * row; a Jacobian is judged as the vector of its entries, row by row. An exception from the function under test is
 * what the rule reports (it has no checks of its own for bad input or non-determinism).
 */
final class PeerRules {

    /** {@code torch.autograd.gradcheck}'s defaults: {@code eps = 1e-6, atol = 1e-5, rtol = 1e-3}. */
    static final Rule PYTORCH = new PyTorch(1e-6, 1e-5, 1e-3);

    /** The article's: {@code eps = 1e-7}, the relative difference at most {@code 1e-7}. */
    static final Rule ARTICLE = new Article(1e-7, 1e-7);

    private PeerRules() {
    }

    /**
     * {@code (f(x + step e_j) - f(x - step e_j)) / (2 step)} for every output {@code i} and input {@code j}, row-major.
     *
     * @param function the function; called with a copy of {@code point}, perturbed in place and restored
     * @param point the point; not modified
     * @param step the absolute step
     * @return the numerical Jacobian, {@code m * n} entries, row-major
     */
    static double[] centralDifferences(Function<double[], double[]> function, double[] point, double step) {
        double[] x = point.clone();
        int n = x.length;
        double[] numerical = null;
        for (int j = 0; j < n; j++) {
            double original = x[j];
            x[j] = original + step;
            double[] plus = function.apply(x).clone();
            x[j] = original - step;
            double[] minus = function.apply(x).clone();
            x[j] = original;
            if (numerical == null) {
                numerical = new double[plus.length * n];
            }
            for (int i = 0; i < plus.length; i++) {
                numerical[i * n + j] = (plus[i] - minus[i]) / (2 * step);
            }
        }
        return numerical;
    }

    /** A peer's rule: its step and its verdict on the analytic and numerical entries. */
    abstract static class Rule {

        /** The absolute step {@code eps}. */
        final double step;

        Rule(double step) {
            this.step = step;
        }

        /** {@return the rule's name and settings, for the scoreboard} */
        abstract String title();

        /** {@return the verdict on the entries, named {@code names}, analytic and numerical in the same order} */
        abstract Outcome judge(Case corpusCase, double[] analytic, double[] numerical, List<String> names);

        /** {@return what the rule says of a gradient case} */
        Outcome check(CorpusCase corpusCase) {
            DifferentiableFunction function = corpusCase.function();
            try {
                double[] analytic = function.gradient(corpusCase.point().clone()).clone();
                double[] numerical = centralDifferences(x -> new double[] {function.value(x)}, corpusCase.point(), step);
                List<String> names = new ArrayList<>();
                for (int j = 0; j < corpusCase.point().length; j++) {
                    names.add(corpusCase.layout().nameOf(j));
                }
                return judge(corpusCase, analytic, numerical, names);
            } catch (RuntimeException e) {
                return PeerOutcome.refused(corpusCase, e);
            }
        }

        /** {@return what the rule says of a Jacobian case} */
        Outcome check(JacobianCase corpusCase) {
            VectorFunction function = corpusCase.function();
            int n = corpusCase.point().length;
            try {
                double[][] jacobian = function.jacobian(corpusCase.point().clone());
                double[] analytic = new double[jacobian.length * n];
                List<String> names = new ArrayList<>();
                for (int i = 0; i < jacobian.length; i++) {
                    System.arraycopy(jacobian[i], 0, analytic, i * n, n);
                    for (int j = 0; j < n; j++) {
                        names.add(JacobianCase.entryName(i, j, corpusCase.inputLayout()));
                    }
                }
                double[] numerical = centralDifferences(function::value, corpusCase.point(), step);
                return judge(corpusCase, analytic, numerical, names);
            } catch (RuntimeException e) {
                return PeerOutcome.refused(corpusCase, e);
            }
        }
    }

    /**
     * {@code torch.autograd.gradcheck}: an entry passes when {@code |a - n| <= atol + rtol |n|} (its
     * {@code allclose(analytical, numerical, rtol, atol)}), a non-finite numerical value fails, and the check passes when
     * every entry does. Its test that the backward pass is reentrant ({@code nondet_tol = 0}) is left out: the corpus's
     * functions have no backward pass of their own.
     */
    static final class PyTorch extends Rule {

        private final double absolute;
        private final double relative;

        PyTorch(double step, double absolute, double relative) {
            super(step);
            this.absolute = absolute;
            this.relative = relative;
        }

        @Override
        String title() {
            return String.format(Locale.ROOT, "PyTorch's gradcheck defaults (eps %.0e, |a - n| <= %.0e + %.0e |n| per entry)",
                    step, absolute, relative);
        }

        /** {@return the entry's mismatch over what the rule allows: above 1 fails, infinite if not finite} */
        double ratio(double analytic, double numerical) {
            double ratio = Math.abs(analytic - numerical) / (absolute + relative * Math.abs(numerical));
            return Double.isFinite(numerical) && !Double.isNaN(ratio) ? ratio : Double.POSITIVE_INFINITY;
        }

        @Override
        Outcome judge(Case corpusCase, double[] analytic, double[] numerical, List<String> names) {
            List<Integer> ranked = new ArrayList<>();
            for (int k = 0; k < analytic.length; k++) {
                ranked.add(k);
            }
            ranked.sort(Comparator.comparingDouble((Integer k) -> -ratio(analytic[k], numerical[k])).thenComparing(k -> k));
            List<String> worst = new ArrayList<>();
            List<String> failing = new ArrayList<>();
            for (int k : ranked) {
                worst.add(names.get(k));
                if (!(ratio(analytic[k], numerical[k]) <= 1)) {
                    failing.add(names.get(k));
                }
            }
            String account;
            if (failing.isEmpty()) {
                account = "passed: every entry within the tolerance";
            } else {
                int k = ranked.get(0);
                account = String.format(Locale.ROOT, "failed %d of %d; worst %s: analytic %.3e, numerical %.3e, allowed %.3e",
                        failing.size(), analytic.length, names.get(k), analytic[k], numerical[k],
                        absolute + relative * Math.abs(numerical[k]));
            }
            return PeerOutcome.verdict(corpusCase, failing.isEmpty(), failing, worst, true, account);
        }
    }

    /**
     * The article's check: {@code ||g - n|| / (||g|| + ||n||) <= threshold} over the whole gradient (0 when both norms are
     * 0), norms computed as the article does, as the square root of a plain sum of squares. One verdict, no entry named.
     */
    static final class Article extends Rule {

        private final double threshold;

        Article(double step, double threshold) {
            super(step);
            this.threshold = threshold;
        }

        @Override
        String title() {
            return String.format(Locale.ROOT, "the article's rule (eps %.0e, ||g - n|| / (||g|| + ||n||) <= %.0e)", step,
                    threshold);
        }

        /** {@return {@code ||g - n|| / (||g|| + ||n||)}, 0 when both are 0} */
        static double difference(double[] analytic, double[] numerical) {
            double difference = 0;
            double analyticNorm = 0;
            double numericalNorm = 0;
            for (int k = 0; k < analytic.length; k++) {
                difference += (analytic[k] - numerical[k]) * (analytic[k] - numerical[k]);
                analyticNorm += analytic[k] * analytic[k];
                numericalNorm += numerical[k] * numerical[k];
            }
            double denominator = Math.sqrt(analyticNorm) + Math.sqrt(numericalNorm);
            return denominator == 0 ? 0 : Math.sqrt(difference) / denominator;
        }

        @Override
        Outcome judge(Case corpusCase, double[] analytic, double[] numerical, List<String> names) {
            double difference = difference(analytic, numerical);
            boolean passed = difference <= threshold;
            String account = String.format(Locale.ROOT, "%s: difference %.3e %s %.0e", passed ? "passed" : "failed", difference,
                    passed ? "<=" : "above", threshold);
            return PeerOutcome.verdict(corpusCase, passed, List.of(), List.of(), false, account);
        }
    }

    /** What a peer's rule said: a verdict with the entries it failed (worst first), or the function's exception. */
    record PeerOutcome(Case corpusCase, boolean passed, List<String> failing, List<String> ranked, boolean localises,
            RuntimeException error, String account) implements Outcome {

        static PeerOutcome verdict(Case corpusCase, boolean passed, List<String> failing, List<String> ranked,
                boolean localises, String account) {
            return new PeerOutcome(corpusCase, passed, List.copyOf(failing), List.copyOf(ranked), localises, null, account);
        }

        static PeerOutcome refused(Case corpusCase, RuntimeException error) {
            return new PeerOutcome(corpusCase, false, List.of(), List.of(), false, error, "refused: " + error);
        }

        @Override
        public List<String> worst(int count) {
            return ranked.subList(0, Math.min(count, ranked.size()));
        }
    }
}
