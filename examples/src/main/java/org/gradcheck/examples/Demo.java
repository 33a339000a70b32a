package org.gradcheck.examples;

import org.gradcheck.GradientChecker;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.GradientReport;

/** The demo program: checks a gradient and prints the report. */
public final class Demo {

    private Demo() {
    }

    /** Runs the demo. */
    public static void main(String[] args) {
        DifferentiableFunction rosenbrock = DifferentiableFunction.of(
                x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                x -> new double[] {-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])});
        GradientReport report = GradientChecker.defaults().check(rosenbrock, new double[] {-1.2, 1.0});
        System.out.println(report);
    }
}
