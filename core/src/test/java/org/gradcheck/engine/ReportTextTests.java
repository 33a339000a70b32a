package org.gradcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.gradcheck.DifferenceScheme;
import org.gradcheck.Tolerance;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.GradientReport;
import org.junit.jupiter.api.Test;

class ReportTextTests {

    @Test
    void aFailingReport() {
        assertEquals("""
                Gradient check failed: 1 of 6 parameters disagree
                  worst W[1,1]: analytic 4.000e+00, numerical 4.400e+00, mismatch 4.000e-01, allowed 4.400e-06
                      (numerical error 1.000e-10)
                  overall difference ||a - n|| / (||a|| + ||n||): 3.541e-02
                  strategy: full: every parameter
                  scheme: central difference, step 6.055e-06 * max(|x|, 1) (automatic)
                  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 6.931e-01, evaluations: 14, seed 24301

                parameter    analytic   numerical   mismatch  num error  rel error  verdict
                W[1,1]      4.000e+00   4.400e+00  4.000e-01  1.000e-10  9.091e-02  FAIL
                W[0,0]      1.000e+00   1.000e+00          0  1.000e-10          0  PASS
                W[0,1]     -2.000e+00  -2.000e+00          0  1.000e-10          0  PASS
                W[1,0]      3.000e+00   3.000e+00          0  1.000e-10          0  PASS
                ... and 2 more checked parameters, all passing

                block   shape  checked  fail  unres.  kinks  ~zero  max rel err  difference  worst
                W      [2, 2]        4     1       0      0      0    9.091e-02   3.555e-02  W[1,1]
                b         [2]        2     0       0      0      1            0           0  b[0]
                """, Reports.failing().toString());
    }

    @Test
    void aPassingReport() {
        assertEquals("""
                Gradient check passed: 2 parameters agree within the tolerance
                  overall difference ||a - n|| / (||a|| + ||n||): 8.325e-14
                  strategy: full: every parameter
                  scheme: forward difference, step 1.000e-07 (absolute)
                  tolerance: |g - n| <= 1.0e-09 + 1.0e-07 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 9.000e+00, evaluations: 4, seed 24301

                parameter    analytic   numerical   mismatch  num error  rel error  verdict
                x[0]        6.000e+00   6.000e+00  1.000e-12  1.000e-10  1.667e-13  PASS
                x[1]       -2.500e-01  -2.500e-01          0          0          0  PASS

                block  shape  checked  fail  unres.  kinks  ~zero  max rel err  difference  worst
                x        [2]        2     0       0      0      0    1.667e-13   8.325e-14  x[0]
                """, Reports.passing().format(5));
    }

    @Test
    void rowsBeyondTheCapAreCounted() {
        assertEquals("""
                Gradient check failed: 1 of 6 parameters disagree
                  worst W[1,1]: analytic 4.000e+00, numerical 4.400e+00, mismatch 4.000e-01, allowed 4.400e-06
                      (numerical error 1.000e-10)
                  overall difference ||a - n|| / (||a|| + ||n||): 3.541e-02
                  strategy: full: every parameter
                  scheme: central difference, step 6.055e-06 * max(|x|, 1) (automatic)
                  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 6.931e-01, evaluations: 14, seed 24301

                parameter   analytic  numerical   mismatch  num error  rel error  verdict
                W[1,1]     4.000e+00  4.400e+00  4.000e-01  1.000e-10  9.091e-02  FAIL
                W[0,0]     1.000e+00  1.000e+00          0  1.000e-10          0  PASS
                ... and 4 more checked parameters, all passing

                block   shape  checked  fail  unres.  kinks  ~zero  max rel err  difference  worst
                W      [2, 2]        4     1       0      0      0    9.091e-02   3.555e-02  W[1,1]
                b         [2]        2     0       0      0      1            0           0  b[0]
                """, Reports.failing().format(2));
    }

    @Test
    void theDefaultCapIsTwentyRows() {
        int n = 25;
        double[] analytic = new double[n];
        double[] numerical = new double[n];
        for (int i = 0; i < n; i++) {
            analytic[i] = i + 1;
            numerical[i] = 2 * (i + 1);
        }
        GradientReport report = Reports.of(ParameterLayout.vector("x", n), analytic, numerical);

        String text = report.toString();

        assertEquals(report.format(ReportText.DEFAULT_ROWS), text);
        assertEquals(20, ReportText.DEFAULT_ROWS);
        assertEquals(20, text.lines().filter(line -> line.endsWith("FAIL")).count());
        assertEquals(1, text.lines().filter(line -> line.equals("... and 5 more checked parameters (5 of them failing)")).count());
    }

    @Test
    void manyFailuresLeaveThreeRowsForPassesToContrastThem() {
        int n = 40;
        double[] analytic = new double[n];
        double[] numerical = new double[n];
        for (int i = 0; i < n; i++) {
            analytic[i] = i + 1;
            numerical[i] = i < 35 ? 2 * (i + 1) : i + 1;
        }
        GradientReport report = Reports.of(ParameterLayout.vector("x", n), analytic, numerical);

        List<String> rows = report.format(30).lines().dropWhile(line -> !line.startsWith("parameter")).skip(1)
                .takeWhile(line -> !line.isEmpty()).toList();

        assertEquals(31, rows.size(), rows::toString);
        assertTrue(rows.subList(0, 27).stream().allMatch(line -> line.endsWith("FAIL")), rows::toString);
        assertEquals(List.of("x[35]", "x[36]", "x[37]"), rows.subList(27, 30).stream().map(line -> line.split(" ")[0]).toList());
        assertTrue(rows.subList(27, 30).stream().allMatch(line -> line.endsWith("PASS")), rows::toString);
        assertEquals("... and 10 more checked parameters (8 of them failing)", rows.get(30));
        assertEquals(12, report.format(12).lines().filter(line -> line.endsWith("FAIL") || line.endsWith("PASS")).count());
        assertEquals(1, report.format(1).lines().filter(line -> line.endsWith("FAIL") || line.endsWith("PASS")).count());
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
                  worst encoder.attenti…ry_weights[1,11]: analytic 2.400e+01, numerical 3.000e+01,
                      mismatch 6.000e+00, allowed 3.000e-05 (numerical error 0)
                  overall difference ||a - n|| / (||a|| + ||n||): 3.979e-02
                  strategy: full: every parameter
                  scheme: central difference, step h
                  tolerance: |g - n| <= 0 + 1.0e-06 * max(|g|, |n|) + numerical error
                  precision: double (declared)
                  function value: 1.000e+00, evaluations: 52, seed 24301

                parameter                          analytic  numerical   mismatch  num error  rel error  verdict
                encoder.attenti…ry_weights[1,11]  2.400e+01  3.000e+01  6.000e+00          0  2.000e-01  FAIL
                encoder.attenti…ery_weights[0,0]  1.000e+00  1.000e+00          0          0          0  PASS
                encoder.attenti…ery_weights[0,1]  2.000e+00  2.000e+00          0          0          0  PASS
                ... and 22 more checked parameters, all passing

                block            shape  checked  fail  unres.  kinks  ~zero  max rel err  difference  worst
                encode…eights  [2, 12]       24     1       0      0      0    2.000e-01   4.217e-02  encode…s[1,11]
                bias               [1]        1     0       0      0      0            0           0  bias[0]
                """, Reports.of(layout, analytic, numerical).format(3));
    }

    @Test
    void everyLineFitsInOneHundredColumnsWithLongNamesAndLargeBlocks() {
        ParameterLayout layout = ParameterLayout.builder()
                .matrix("encoder.layers.11.self_attention.query_projection.weights", 1000, 1000)
                .vector("decoder.layers.11.cross_attention.output_projection.bias", 1000).build();
        int n = layout.size();
        double[] analytic = new double[n];
        double[] numerical = new double[n];
        BitSet checked = new BitSet(n);
        for (int i = 0; i < n; i += 997) {
            checked.set(i);
            analytic[i] = -1.5e-7 * (i + 1);
            numerical[i] = analytic[i] * (i % 2 == 0 ? 1 : 1.5);
        }
        Settings settings = Reports.settings(Tolerance.defaults(), DifferenceScheme.CENTRAL);
        Findings findings = Reports.findings(analytic, numerical, new double[n], checked, settings);
        findings.kinks.put(0, new double[] {-1, 1});
        findings.verdicts[0] = Findings.KINK;
        Outcome.Description description = Reports.description("h", "sampled: a long description of the strategy that has"
                + " to be wrapped because it goes on and on past the hundredth column", 0, Duration.ZERO);
        description.precision = () -> "double";
        GradientReport report = new GradientOutcome("Gradient", layout, findings, settings, description, 0, List.of());

        String text = report.format(30);

        for (String line : text.split("\n")) {
            assertTrue(line.length() <= ReportText.WIDTH, () -> line.length() + " columns: " + line);
        }
        assertEquals("""
                block            shape       checked  fail  unres.  kinks   ~zero  max rel err  difference  worst
                enc…ghts  [1000, 1000]  1004/1000000   502       0      1  998996    3.333e-01   1.555e-01  enc…961]
                dec…bias        [1000]        1/1000     0       0      0     999            0           0  dec…988]
                """, text.substring(text.indexOf("\nblock ") + 1));
    }

    @Test
    void shortenKeepsTheHeadAndTheTail() {
        assertEquals("W1[2,3]", ReportText.shorten("W1[2,3]"));
        assertEquals(32, ReportText.MAX_NAME_WIDTH);
        assertEquals("abcdefghijklmnopqrstuvwxyz012345", ReportText.shorten("abcdefghijklmnopqrstuvwxyz012345"));
        assertEquals("abcdefghijklmno…stuvwxyz01234567", ReportText.shorten("abcdefghijklmnopqrstuvwxyz01234567"));
        assertEquals(ReportText.MAX_NAME_WIDTH, ReportText.shorten("x".repeat(100)).length());
    }

    @Test
    void theHeadlineOfASingleParameter() {
        GradientReport one = Reports.of(ParameterLayout.vector("x", 1), new double[] {2}, new double[] {2});

        assertEquals("Gradient check passed: 1 parameter agrees within the tolerance", one.headline());
    }

    @Test
    void aHeadlineCountsDisagreementsOfNParametersInThePlural() {
        GradientReport one = Reports.of(ParameterLayout.vector("x", 1), new double[] {2}, new double[] {3});
        GradientReport both = Reports.of(ParameterLayout.vector("x", 2), new double[] {2, 2}, new double[] {3, 3});

        assertEquals("Gradient check failed: 1 of 1 parameters disagree", one.headline());
        assertEquals("Gradient check failed: 2 of 2 parameters disagree", both.headline());
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("maxRows must be >= 1 but was 0: the report shows at least the worst entry",
                assertThrows(IllegalArgumentException.class, () -> Reports.passing().format(0)).getMessage());
    }
}
