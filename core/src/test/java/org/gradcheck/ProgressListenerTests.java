package org.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

class ProgressListenerTests {

    @Test
    void listenerIsToldTheReportOfEveryFinishedCheck() {
        List<DerivativeReport> finished = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(int done, int total) {
                progress.add(done + "/" + total);
            }

            @Override
            public void finished(DerivativeReport report) {
                finished.add(report);
            }
        };
        GradientChecker checker = GradientChecker.defaults().withProgressListener(listener);
        DifferentiableFunction square = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {2 * x[0]});
        DifferentiableFunction wrong = DifferentiableFunction.of(x -> x[0] * x[0], x -> new double[] {3 * x[0]});

        GradientReport passed = checker.check(square, new double[] {3});
        GradientReport failed = checker.check(wrong, new double[] {3});

        assertEquals(2, finished.size());
        assertSame(passed, finished.get(0));
        assertSame(failed, finished.get(1));
        assertEquals(List.of("1/1", "1/1"), progress, "one parameter: only the final call, done == total");
    }
}
