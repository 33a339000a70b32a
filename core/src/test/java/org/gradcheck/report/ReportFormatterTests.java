package org.gradcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradcheck.layout.ParameterLayout;
import org.junit.jupiter.api.Test;

class ReportFormatterTests {

    @Test
    void aFailingReport() {
        assertEquals("""
                Gradient check failed: 1 of 6 parameters disagree
                  worst W[1,1]: mismatch 4.000e-01, numerical error 1.000e-10
                  overall difference ||g - n|| / (||g|| + ||n||): 3.541e-02
                  strategy: full: every parameter
                  scheme: central difference, step 6.055e-06 * max(|x|, 1) (automatic)
                  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 6.931e-01, evaluations: 14

                parameter    analytic   numerical   mismatch  num error  rel error  verdict
                W[1,1]      4.000e+00   4.400e+00  4.000e-01  1.000e-10  9.091e-02  FAIL
                W[0,0]      1.000e+00   1.000e+00          0  1.000e-10          0  PASS
                W[0,1]     -2.000e+00  -2.000e+00          0  1.000e-10          0  PASS
                W[1,0]      3.000e+00   3.000e+00          0  1.000e-10          0  PASS
                b[0]        5.000e-01   5.000e-01          0  2.000e-11          0  PASS
                b[1]                0           0          0  2.000e-11          0  PASS

                block   shape  checked  failures  kinks  ~zero  max rel err  difference  worst
                W      [2, 2]        4         1      0      0    9.091e-02   3.555e-02  W[1,1]
                b         [2]        2         0      0      1            0           0  b[0]
                """, Reports.failing().toString());
    }

    @Test
    void aPassingReport() {
        assertEquals("""
                Gradient check passed: 2 parameters agree within the tolerance
                  overall difference ||g - n|| / (||g|| + ||n||): 8.325e-14
                  strategy: full: every parameter
                  scheme: forward difference, step 1.000e-07 (absolute)
                  tolerance: |g - n| <= 1.0e-09 + 1.0e-07 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 9.000e+00, evaluations: 4

                parameter    analytic   numerical   mismatch  num error  rel error  verdict
                x[0]        6.000e+00   6.000e+00  1.000e-12  1.000e-10  1.667e-13  PASS
                x[1]       -2.500e-01  -2.500e-01          0          0          0  PASS

                block  shape  checked  failures  kinks  ~zero  max rel err  difference  worst
                x        [2]        2         0      0      0    1.667e-13   8.325e-14  x[0]
                """, ReportFormatter.format(Reports.passing(), 5));
    }

    @Test
    void rowsBeyondTheCapAreCounted() {
        assertEquals("""
                Gradient check failed: 1 of 6 parameters disagree
                  worst W[1,1]: mismatch 4.000e-01, numerical error 1.000e-10
                  overall difference ||g - n|| / (||g|| + ||n||): 3.541e-02
                  strategy: full: every parameter
                  scheme: central difference, step 6.055e-06 * max(|x|, 1) (automatic)
                  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 6.931e-01, evaluations: 14

                parameter   analytic  numerical   mismatch  num error  rel error  verdict
                W[1,1]     4.000e+00  4.400e+00  4.000e-01  1.000e-10  9.091e-02  FAIL
                W[0,0]     1.000e+00  1.000e+00          0  1.000e-10          0  PASS
                ... and 4 more (showing 2 of 6 checked parameters, worst first)

                block   shape  checked  failures  kinks  ~zero  max rel err  difference  worst
                W      [2, 2]        4         1      0      0    9.091e-02   3.555e-02  W[1,1]
                b         [2]        2         0      0      1            0           0  b[0]
                """, ReportFormatter.format(Reports.failing(), 2));
    }

    @Test
    void theDefaultCapIsTwentyRows() {
        int n = 25;
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            gradient[i] = i + 1;
        }

        String text = Reports.of(ParameterLayout.vector("x", n), gradient, gradient).toString();

        assertEquals(ReportFormatter.format(Reports.of(ParameterLayout.vector("x", n), gradient, gradient), ReportFormatter.DEFAULT_MAX_ROWS),
                text);
        assertEquals(20, text.lines().filter(line -> line.endsWith("PASS")).count());
        assertEquals(1, text.lines().filter(line -> line.equals("... and 5 more (showing 20 of 25 checked parameters, worst first)")).count());
    }

    @Test
    void longNamesAreShortenedInTheMiddleInTheTables() {
        ParameterLayout layout = ParameterLayout.builder().matrix("encoder.attention.query_weights", 2, 12).vector("bias", 1).build();
        double[] analytic = new double[25];
        double[] numerical = new double[25];
        for (int i = 0; i < 25; i++) {
            analytic[i] = i + 1;
            numerical[i] = i + 1;
        }
        numerical[23] = 30;

        assertEquals("""
                Gradient check failed: 1 of 25 parameters disagree
                  worst encoder.att…eights[1,11]: mismatch 6.000e+00, numerical error 0
                  overall difference ||g - n|| / (||g|| + ||n||): 3.979e-02
                  strategy: full: every parameter
                  scheme: central difference, step h
                  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 1.000e+00, evaluations: 52

                parameter                  analytic  numerical   mismatch  num error  rel error  verdict
                encoder.att…eights[1,11]  2.400e+01  3.000e+01  6.000e+00          0  2.000e-01  FAIL
                encoder.att…weights[0,0]  1.000e+00  1.000e+00          0          0          0  PASS
                encoder.att…weights[0,1]  2.000e+00  2.000e+00          0          0          0  PASS
                ... and 22 more (showing 3 of 25 checked parameters, worst first)

                block              shape  checked  failures  kinks  ~zero  max rel err  difference  worst
                encoder…weights  [2, 12]       24         1      0      0    2.000e-01   4.217e-02  encoder…ts[1,11]
                bias                 [1]        1         0      0      0            0           0  bias[0]
                """, ReportFormatter.format(Reports.of(layout, analytic, numerical), 3));
    }

    @Test
    void everyLineFitsInOneHundredColumnsWithLongNamesAndLargeBlocks() {
        ParameterLayout layout = ParameterLayout.builder()
                .matrix("encoder.layers.11.self_attention.query_projection.weights", 1000, 1000)
                .vector("decoder.layers.11.cross_attention.output_projection.bias", 1000).build();
        int n = layout.size();
        double[] analytic = new double[n];
        double[] numerical = new double[n];
        java.util.BitSet checked = new java.util.BitSet(n);
        for (int i = 0; i < n; i += 997) {
            checked.set(i);
            analytic[i] = -1.5e-7 * (i + 1);
            numerical[i] = analytic[i] * (i % 2 == 0 ? 1 : 1.5);
        }
        GradientReport report = GradientReport.builder(layout).gradients(analytic, numerical, new double[n])
                .checked(checked).kink(0, -1, 1)
                .judgedBy(org.gradcheck.Tolerance.defaults(), org.gradcheck.KinkPolicy.ACCEPT_SUBGRADIENT,
                        org.gradcheck.UntestedPolicy.WARN)
                .settings(org.gradcheck.DifferenceScheme.CENTRAL, "h", "sampled: a long description of the"
                        + " strategy that has to be wrapped because it goes on and on past the hundredth column", "double")
                .build();

        String text = ReportFormatter.format(report, 30);

        for (String line : text.split("\n")) {
            assertTrue(line.length() <= ReportFormatter.WIDTH, () -> line.length() + " columns: " + line);
        }
        assertEquals("""
                block            shape          checked  failures  kinks   ~zero  max rel err  difference  worst
                enc…ghts  [1000, 1000]  1004 of 1000000       502      1  998996    3.333e-01   1.555e-01  enco…961]
                dec…bias        [1000]        1 of 1000         0      0     999            0           0  deco…988]
                """, text.substring(text.indexOf("\nblock ") + 1));
    }

    @Test
    void shortenKeepsTheHeadAndTheTail() {
        assertEquals("W1[2,3]", ReportFormatter.shorten("W1[2,3]"));
        assertEquals("abcdefghijklmnopqrstuvwx", ReportFormatter.shorten("abcdefghijklmnopqrstuvwx"));
        assertEquals("abcdefghijk…opqrstuvwxyz", ReportFormatter.shorten("abcdefghijklmnopqrstuvwxyz"));
        assertEquals(ReportFormatter.MAX_NAME_WIDTH, ReportFormatter.shorten("x".repeat(100)).length());
    }

    @Test
    void theHeadlineOfASingleParameter() {
        GradientReport one = Reports.of(ParameterLayout.vector("x", 1), new double[] {2}, new double[] {2});

        assertEquals("Gradient check passed: 1 parameter agrees within the tolerance", ReportFormatter.headline(one));
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("maxRows must be >= 1 but was 0: the report shows at least the worst parameter",
                assertThrows(IllegalArgumentException.class, () -> ReportFormatter.format(Reports.passing(), 0)).getMessage());
        assertEquals("report must not be null: pass the result of GradientChecker.check(...)",
                assertThrows(IllegalArgumentException.class, () -> ReportFormatter.format(null, 5)).getMessage());
    }
}
