package org.gradcheck.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.gradcheck.GradientChecker;
import org.gradcheck.Precision;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.GradientModel;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.function.VectorFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.layout.Parameters;
import org.gradcheck.report.CheckObserver;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.GradientReport;
import org.gradcheck.report.JacobianReport;

/**
 * The engine's front door, called by {@link GradientChecker} only: one method per kind of check. Arguments are
 * validated by the checker before they get here.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Checks {

    private Checks() {
    }

    /**
     * Checks a function's gradient.
     *
     * @param checker the options
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the parameters
     * @return the report
     */
    public static GradientReport gradient(GradientChecker checker, DifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        Precision precision = checker.precision() == Precision.AUTOMATIC && layout.hasSinglePrecisionBlocks()
                ? Precision.FLOAT : checker.precision();
        Settings settings = Settings.withPrecision(checker, precision);
        GradientProblem problem = new GradientProblem(function, layout);
        return finished(settings, gradient(settings, problem, Arrays.copyOf(point, point.length)));
    }

    /**
     * Checks a model's gradients on a batch.
     *
     * @param <B> the batch type
     * @param checker the options
     * @param model the model under test
     * @param parameters the parameters; not modified
     * @param batch the examples
     * @return the report
     */
    public static <B> GradientReport model(GradientChecker checker, GradientModel<B> model, Parameters parameters, B batch) {
        ModelFunction<B> function = new ModelFunction<>(model, parameters.layout(), batch, checker.gradientNaming());
        return gradient(checker, function, parameters.values(), parameters.layout());
    }

    private static GradientOutcome gradient(Settings settings, GradientProblem problem, double[] point) {
        Run run = new Run(settings, problem, point);
        run.prepare();
        Strategy requested = settings.strategy;
        Strategy strategy = requested;
        // the strategy line is made when a report asks for it: the automatic choice's formats two durations
        java.util.function.Supplier<String> choice;
        if (requested.kind() == Strategy.Kind.AUTOMATIC) {
            java.time.Duration estimate = run.fullCheckEstimate();
            strategy = Strategy.automaticChoice(estimate);
            String within = strategy.kind() == Strategy.Kind.FULL ? "within" : "above";
            choice = () -> " (automatic: a full check was estimated at " + Run.readable(estimate) + ", " + within
                    + " the limit of " + Run.readable(Strategy.AUTOMATIC_FULL_TIME) + ")";
        } else {
            choice = () -> "";
        }
        // the length, not the point, in the texts: a report keeps no copy of the point
        int parameters = point.length;
        switch (strategy.kind()) {
            case SCREENING:
                new Screening(run).run();
                int screened = run.findings.checkedColumnCount();
                run.description.strategy = () -> "screening" + choice.get() + ": directional derivatives per block,"
                        + " bisection where they disagree; " + screened + " of " + parameters
                        + " parameters checked one by one (seed " + settings.seed + ")";
                run.description.verifiedWithoutEntries = "the directional derivatives of every block agree";
                break;
            case TAYLOR:
                new TaylorStrategy(run).run();
                run.description.strategy = () -> "taylor: order of convergence of the Taylor remainder along seeded"
                        + " directions per block (seed " + settings.seed + "); failing blocks checked one by one";
                run.description.verifiedWithoutEntries = "the Taylor remainder converges with order 2 in every block";
                break;
            case SAMPLED:
                run.sampled(strategy.perBlock());
                int sampled = run.findings.checkedColumnCount();
                int perBlock = strategy.perBlock();
                run.description.strategy = () -> "sampled: " + sampled + " of " + parameters + " parameters (up to "
                        + perBlock + " per block, seed " + settings.seed + ")";
                break;
            default:
                run.full();
                run.description.strategy = () -> "full" + choice.get() + ": every parameter"
                        + (settings.threads > 1 ? ", " + settings.threads + " threads" : "");
                break;
        }
        run.finish();
        GradientOutcome outcome = new GradientOutcome(problem.title(), problem.inputs, run.findings, settings,
                run.description, run.value[0], run.taylor);
        // only a run that ended normally hands its arrays back: after an exception a worker may still hold one
        run.release();
        return outcome;
    }

    /**
     * Checks a vector function's Jacobian, and its derivative forms against each other.
     *
     * @param checker the options
     * @param function the function under test
     * @param point the point; not modified
     * @param inputs names the inputs
     * @param outputs names the outputs; null names them {@code y[i]}
     * @return the report
     */
    public static JacobianReport jacobian(GradientChecker checker, VectorFunction function, double[] point,
            ParameterLayout inputs, ParameterLayout outputs) {
        Settings settings = new Settings(checker);
        JacobianProblem problem = new JacobianProblem(function, inputs, outputs, CheckedMatrix.JACOBIAN);
        return finished(settings, jacobian(settings, problem, point.clone()));
    }

    /**
     * Checks a Hessian against finite differences of the gradient.
     *
     * @param checker the options
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates
     * @return the report
     */
    public static JacobianReport hessian(GradientChecker checker, TwiceDifferentiableFunction function, double[] point,
            ParameterLayout layout) {
        Settings settings = new Settings(checker);
        JacobianProblem problem = new JacobianProblem(HessianMaps.gradientMap(function), layout,
                HessianMaps.gradientLayout(layout, checker.gradientNaming()), CheckedMatrix.HESSIAN);
        return finished(settings, jacobian(settings, problem, point.clone()));
    }

    /**
     * Checks Hessian-vector products along seeded random directions against finite differences of the gradient.
     *
     * @param checker the options
     * @param function the function under test
     * @param point the point; not modified
     * @param layout names the coordinates
     * @return the report
     */
    public static JacobianReport hessianProducts(GradientChecker checker, TwiceDifferentiableFunction function,
            double[] point, ParameterLayout layout) {
        Settings settings = new Settings(checker);
        double[][] basis = HessianMaps.directions(point, checker.productTrials(), checker.seed());
        JacobianProblem problem = new JacobianProblem(HessianMaps.directional(function, point.clone(), basis),
                ParameterLayout.vector("v", basis.length), HessianMaps.gradientLayout(layout, checker.gradientNaming()),
                CheckedMatrix.HESSIAN_PRODUCTS);
        return finished(settings, jacobian(settings, problem, new double[basis.length]));
    }

    private static JacobianOutcome jacobian(Settings settings, JacobianProblem problem, double[] point) {
        Run run = new Run(settings, problem, point);
        run.prepare();
        run.full();
        run.description.strategy = () -> "full: every entry";
        List<org.gradcheck.report.Entry> consistency = problem.consistency(run.main, run.findings.analytic,
                settings.productTrials, settings.productTolerance, settings.seed);
        run.finish();
        JacobianOutcome outcome = new JacobianOutcome(problem.matrix(), problem.inputs, problem.outputs(), run.findings,
                settings, run.description, run.value, problem.implemented(), problem.entriesFrom(), consistency);
        run.release();
        return outcome;
    }

    /**
     * Compares a hand-written gradient with the exact gradient of a function written over commons-math3's field
     * elements.
     *
     * @param checker the options
     * @param function the function over field elements
     * @param handWritten the function with the hand-written gradient
     * @param point the point; not modified
     * @param layout names the parameters
     * @return the report
     */
    public static GradientReport exact(GradientChecker checker, FieldFunction function, DifferentiableFunction handWritten,
            double[] point, ParameterLayout layout) {
        Settings settings = new Settings(checker);
        return finished(settings, ExactComparison.compare(checker, settings, function, handWritten, point.clone(), layout));
    }

    private static <R extends DerivativeReport> R finished(Settings settings, R report) {
        settings.progress.finished(report);
        for (CheckObserver observer : Observers.LOADED) {
            observer.finished(report);
        }
        return report;
    }

    /** The observers found by the service loader, loaded the first time a check completes. */
    private static final class Observers {

        static final List<CheckObserver> LOADED = load();

        private static List<CheckObserver> load() {
            List<CheckObserver> observers = new ArrayList<>();
            for (CheckObserver observer : ServiceLoader.load(CheckObserver.class, Checks.class.getClassLoader())) {
                observers.add(observer);
            }
            return List.copyOf(observers);
        }
    }
}
