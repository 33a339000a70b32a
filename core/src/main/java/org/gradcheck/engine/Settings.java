package org.gradcheck.engine;

import java.time.Duration;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.GradientChecker;
import org.gradcheck.KinkPolicy;
import org.gradcheck.Precision;
import org.gradcheck.ProgressListener;
import org.gradcheck.Refinement;
import org.gradcheck.StepSize;
import org.gradcheck.Strategy;
import org.gradcheck.Tolerance;
import org.gradcheck.UnresolvedPolicy;
import org.gradcheck.UntestedPolicy;
import org.gradcheck.layout.GradientNaming;

/** The checker's options as one check reads them: a snapshot of a {@link GradientChecker}. */
final class Settings {

    final DifferenceScheme scheme;
    final StepSize stepSize;
    final Tolerance tolerance;
    final Precision precision;
    final KinkPolicy kinkPolicy;
    final UntestedPolicy untestedPolicy;
    final UnresolvedPolicy unresolvedPolicy;
    final Refinement refinement;
    final double nondeterminismTolerance;
    final long seed;
    final Strategy strategy;
    final int threads;
    final Duration timeBudget;
    final ProgressListener progress;
    final GradientNaming naming;
    final int productTrials;
    final double productTolerance;
    final int exactUlps;

    Settings(GradientChecker checker) {
        this(checker, checker.precision());
    }

    private Settings(GradientChecker checker, Precision precision) {
        this(checker, precision, checker.tolerance());
    }

    private Settings(GradientChecker checker, Precision precision, Tolerance tolerance) {
        this.scheme = checker.scheme();
        this.stepSize = checker.stepSize();
        this.tolerance = tolerance;
        this.precision = precision;
        this.kinkPolicy = checker.kinkPolicy();
        this.untestedPolicy = checker.untestedPolicy();
        this.unresolvedPolicy = checker.unresolvedPolicy();
        this.refinement = checker.refinement();
        this.nondeterminismTolerance = checker.nondeterminismTolerance();
        this.seed = checker.seed();
        this.strategy = checker.strategy();
        this.threads = checker.threads();
        this.timeBudget = checker.timeBudget();
        this.progress = checker.progressListener();
        this.naming = checker.gradientNaming();
        this.productTrials = checker.productTrials();
        this.productTolerance = checker.productTolerance();
        this.exactUlps = checker.exactUlps();
    }

    /**
     * The settings of {@code checker} with {@code tolerance} instead of its own: the exact oracle's, whose rule is the
     * checker's with a tolerance of a few units of rounding and no numerical error.
     */
    static Settings withTolerance(GradientChecker checker, Tolerance tolerance) {
        return new Settings(checker, checker.precision(), tolerance);
    }

    /** These settings with {@code precision} assumed instead (single-precision parameter blocks). */
    static Settings withPrecision(GradientChecker checker, Precision precision) {
        return new Settings(checker, precision);
    }
}
