package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gradcheck.GradientAssertions;
import org.gradcheck.GradientChecker;
import org.gradcheck.Strategy;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The suite report, produced as in a real run: the fixture runs through a JUnit Platform launcher, which loads the
 * report's listener with the service loader, and the test reads the page back with an XML parser.
 */
class SuiteReportTests {

    @TempDir
    Path directory;

    @Test
    void thePageListsEveryCheckWithItsTestTrialSeedVerdictWorstParameterAndPlots() throws Exception {
        Path reportDirectory = directory.resolve("reports");
        long failedTests = run(ChecksTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY, reportDirectory.toString());

        assertEquals(2, failedTests, "the failing assertion and the failing large check fail their tests");
        String html = Files.readString(reportDirectory.resolve("report.html"), StandardCharsets.UTF_8);
        Document page = parse(html);
        List<Element> sections = elements(page, "section");
        assertEquals(5, sections.size(), "one section per check: 1 passing assertion, 1 failing, 2 trials, 1 large check");
        Map<String, Element> byTest = new LinkedHashMap<>();
        for (Element section : sections) {
            byTest.put(text(section, "h2").replaceFirst("^\\d+\\. ", ""), section);
        }
        assertEquals(List.of("SuiteReportTests$ChecksTestCase > passingAssertion()",
                "SuiteReportTests$ChecksTestCase > trials(GradientChecker) > [1] seed=42",
                "SuiteReportTests$ChecksTestCase > trials(GradientChecker) > [2] seed=42",
                "SuiteReportTests$ChecksTestCase > failingAssertion()",
                "SuiteReportTests$ChecksTestCase > largeCheck()"), new ArrayList<>(byTest.keySet()),
                "the checks in the order they ran");

        Element failing = byTest.get("SuiteReportTests$ChecksTestCase > failingAssertion()");
        assertEquals("failed", failing.getAttribute("data-verdict"));
        assertEquals("W[1,0]", facts(failing).get("worst"), "the worst parameter leads the table of the worst");
        assertEquals(1, count(failing, "circle", "failure"), "the one failing parameter is ringed");
        assertEquals(6, count(failing, "circle", "point"), "every parameter of a small check is plotted");
        assertTrue(text(failing, "p").contains("Gradient check failed: 1 of 6 parameters disagree"));

        Element second = byTest.get("SuiteReportTests$ChecksTestCase > trials(GradientChecker) > [2] seed=42");
        assertEquals("passed", second.getAttribute("data-verdict"));
        Map<String, String> facts = facts(second);
        assertEquals("2 of 2", facts.get("trial"));
        assertTrue(facts.get("seed").startsWith("42 (trial seed "), facts.get("seed"));
        assertEquals("-Dgradcheck.trial=2", facts.get("rerun with"));
        assertEquals(0, count(second, "circle", "failure"));

        Element large = byTest.get("SuiteReportTests$ChecksTestCase > largeCheck()");
        assertEquals(CheckRecord.MAX_POINTS, count(large, "circle", "point"), "a large check plots a bounded selection");
        assertEquals(3, count(large, "circle", "failure"), "every failure is among the plotted points");
        assertTrue(text(large, "p", "plotted").startsWith("Plotted 250 of 3000 parameters checked one by one (3 of 3"
                + " failures"), text(large, "p", "plotted"));
        assertEquals(1, count(large, "line", "tolerance"), "the relative errors are drawn with the relative tolerance");
        assertEquals(1, count(large, "line", "allowed"), "the histogram has the mark at 1");

        List<String> headers = new ArrayList<>();
        for (Element header : elements(elements(page, "table").get(0), "th")) {
            headers.add(header.getTextContent());
        }
        assertEquals(List.of("#", "test", "trial", "seed", "strategy", "outcome", "overall difference", "worst parameter",
                "warnings"), headers, "the index has a column with the outcome of each check in its test");
        for (Element section : sections) {
            assertEquals(1, count(section, "line", "allowed"), "each histogram has its mark at 1");
            assertEquals(1, count(section, "line", "tolerance"), "each plot of relative errors has the tolerance");
            List<Element> svgs = elements(section, "svg");
            assertEquals(2, svgs.size(), "a plot of relative errors and a histogram per check");
            assertEquals("relative-errors", svgs.get(0).getAttribute("class"));
            assertEquals("error-ratios", svgs.get(1).getAttribute("class"));
            assertTrue(count(section, "rect", "bar") > 0, "the histogram has bars");
        }

        NodeList rows = page.getElementsByTagName("tr");
        List<String> indexRows = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            if (row.hasAttribute("data-check")) {
                indexRows.add(row.getTextContent());
            }
        }
        assertEquals(5, indexRows.size());
        assertTrue(indexRows.get(0).startsWith("4SuiteReportTests$ChecksTestCase > failingAssertion()--fullfailed"),
                "failing checks come first in the index: " + indexRows.get(0));
        assertTrue(indexRows.get(3).startsWith("2SuiteReportTests$ChecksTestCase > trials(GradientChecker) > [1] seed=42"
                + "1 of 242fullpassed"),
                indexRows.get(3));

        Matcher references = Pattern.compile("https?://[^\"' ]*").matcher(html);
        while (references.find()) {
            assertEquals("http://www.w3.org/2000/svg", references.group(), "the page loads nothing from elsewhere");
        }
        assertFalse(html.contains("<script"), "the page runs no script");
        assertFalse(html.contains("<link"), "the page loads no style sheet");

        String json = Files.readString(reportDirectory.resolve("report.json"), StandardCharsets.UTF_8);
        assertEquals(5, occurrences(json, "\"test\": "));
        assertEquals(2, occurrences(json, "\"verdict\": \"failed\""));
        assertEquals(3, occurrences(json, "\"verdict\": \"passed\""));
        assertTrue(json.contains("\"test\": \"SuiteReportTests$ChecksTestCase > trials(GradientChecker) > [2] seed=42\","
                + " \"uniqueId\": "), json.substring(0, 400));
        assertTrue(json.contains("\"trial\": 2, \"trials\": 2, \"seed\": 42, "));
        assertTrue(json.contains("\"plottable\": 3000,"));
    }

    @Test
    void checksOfTestsRunningInParallelAreAttributedToTheTestThatRanThem() throws Exception {
        Path reportDirectory = directory.resolve("parallel");
        long failedTests = run(ParallelTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY, reportDirectory.toString(),
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

        assertEquals(0, failedTests, FAILURES::toString);
        List<Element> sections = elements(parse(Files.readString(reportDirectory.resolve("report.html"),
                StandardCharsets.UTF_8)), "section");
        assertEquals(3 * ParallelTestCase.CHECKS_PER_TEST, sections.size());
        Map<String, Integer> checksPerTest = new LinkedHashMap<>();
        for (Element section : sections) {
            String test = text(section, "h2").replaceFirst("^\\d+\\. ", "");
            Matcher size = Pattern.compile("dimension(\\d+)\\(\\)$").matcher(test);
            assertTrue(size.find(), test);
            assertEquals("parameters " + size.group(1) + ", " + size.group(1) + " checked one by one",
                    "parameters " + facts(section).get("parameters").replaceFirst(" checked one by one.*", " checked one by one"),
                    "the check of " + test + " has that test's number of parameters");
            checksPerTest.merge(test, 1, Integer::sum);
        }
        assertEquals(3, checksPerTest.size());
        checksPerTest.values().forEach(count -> assertEquals(ParallelTestCase.CHECKS_PER_TEST, count));
    }

    @Test
    void jacobianAndHessianChecksAreListedWithTheirEntriesPerInputBlock() throws Exception {
        Path reportDirectory = directory.resolve("jacobians");
        long failedTests = run(DerivativesTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY,
                reportDirectory.toString());

        assertEquals(1, failedTests, "the wrong Hessian fails its test");
        List<Element> sections = elements(parse(Files.readString(reportDirectory.resolve("report.html"),
                StandardCharsets.UTF_8)), "section");
        assertEquals(2, sections.size(), "one section per check: the Jacobian and the Hessian");
        Element jacobian = sections.get(0);
        assertEquals("passed", jacobian.getAttribute("data-verdict"));
        assertTrue(text(jacobian, "p").startsWith("passed Jacobian check passed"), text(jacobian, "p"));
        assertEquals(6, count(jacobian, "circle", "point"), "every entry of a 2 x 3 Jacobian is plotted");
        assertEquals(List.of("W", "2 outputs x [2]", "4"), blockCells(jacobian, 0).subList(0, 3));
        assertEquals(List.of("b", "2 outputs x [1]", "2"), blockCells(jacobian, 1).subList(0, 3));
        assertTrue(facts(jacobian).get("parameters").startsWith("6, 6 checked one by one, 0 failed, 0 unresolved"),
                facts(jacobian).get("parameters"));

        Element hessian = sections.get(1);
        assertEquals("failed", hessian.getAttribute("data-verdict"));
        assertTrue(text(hessian, "p").startsWith("failed Hessian check failed: 1 of 4 entries disagree"),
                text(hessian, "p"));
        assertEquals("dx[1] / x[1]", facts(hessian).get("worst"), "the wrong entry leads the table of the worst");
        assertEquals(1, count(hessian, "circle", "failure"), "the one failing entry is ringed");
        assertEquals(List.of("x", "2 outputs x [2]", "4", "1", "0"), blockCells(hessian, 0).subList(0, 5));

        String json = Files.readString(reportDirectory.resolve("report.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"headline\": \"Hessian check failed: 1 of 4 entries disagree"), json);
        assertTrue(json.contains("\"worstParameter\": \"dx[1] / x[1]\""), json);
    }

    @Test
    void eachCheckHasTheOutcomeOfItsTestAndExpectedFailuresAreCountedApartAndNotInRed() throws Exception {
        Path reportDirectory = directory.resolve("outcomes");
        long failedTests = run(OutcomesTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY, reportDirectory.toString());

        assertEquals(3, failedTests, "the failing check's test, the test that fails after its check and the one whose check"
                + " passed unexpectedly: " + FAILURES);
        String html = Files.readString(reportDirectory.resolve("report.html"), StandardCharsets.UTF_8);
        Document page = parse(html);
        assertEquals("8 checks: 4 passed (2 of them in tests that did not pass), 2 failed as their tests expected,"
                + " 2 failed.", text(page.getDocumentElement(), "p", "summary").replaceFirst("\\. Each check .*", "."));
        assertEquals("GradCheck report: 8 checks, 2 failed", text(page.getDocumentElement(), "title"));

        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> colours = new LinkedHashMap<>();
        Map<String, String> rowClasses = new LinkedHashMap<>();
        for (Element row : elements(page, "tr")) {
            if (row.hasAttribute("data-check")) {
                String test = elements(row, "td").get(1).getTextContent().replace("SuiteReportTests$OutcomesTestCase", "");
                outcomes.put(test, text(row, "span"));
                colours.put(test, elements(row, "span").get(0).getAttribute("class"));
                rowClasses.put(test, row.getAttribute("class"));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(" > aFailingCheck()", "failed");
        expected.put(" > bFailingCheckThenAnAbort()", "failed; its test was aborted");
        expected.put(" > cPassingCheckThenAFailure()", "passed; its test failed");
        expected.put(" > eUnexpectedPass()", "passed; its test failed");
        expected.put(" > dExpectedFailure()", "failed as the test expected");
        expected.put(" > fTrial(GradientChecker) > [1] seed=5", "failed as the test expected");
        expected.put(" (class level)", "passed");
        expected.put(" > gPassingCheck()", "passed");
        assertEquals(expected, outcomes, "the index lists failures first, then passes in tests that did not pass,"
                + " expected failures and passes, each in the order the checks ran");
        assertEquals("outcome failed", colours.get(" > aFailingCheck()"));
        assertEquals("failed-row", rowClasses.get(" > bFailingCheckThenAnAbort()"));
        assertEquals("outcome expected", colours.get(" > dExpectedFailure()"), "an expected failure is not drawn in red");
        assertEquals("expected-row", rowClasses.get(" > fTrial(GradientChecker) > [1] seed=5"));
        assertEquals("outcome warning", colours.get(" > cPassingCheckThenAFailure()"), "a passed check whose test failed");
        assertEquals("outcome passed", colours.get(" > gPassingCheck()"));
        assertEquals("passed-row", rowClasses.get(" (class level)"));
        assertTrue(html.contains("section[data-outcome=\"failed-as-expected\"] tr.failed-row { background: #f6f8fa; }"),
                "the failing entries of an expected failure are not red either");

        Map<String, Element> sections = new LinkedHashMap<>();
        for (Element section : elements(page, "section")) {
            sections.put(text(section, "h2").replaceFirst("^\\d+\\. SuiteReportTests\\$OutcomesTestCase", ""), section);
        }
        Element expectedFailure = sections.get(" > dExpectedFailure()");
        assertEquals("failed", expectedFailure.getAttribute("data-verdict"), "the check itself failed");
        assertEquals("failed-as-expected", expectedFailure.getAttribute("data-outcome"));
        assertEquals("failed as the test expected", facts(expectedFailure).get("outcome"));
        assertTrue(text(expectedFailure, "p").startsWith("failed as the test expected Gradient check failed: 1 of 6"),
                text(expectedFailure, "p"));
        assertEquals("failed-test-aborted", sections.get(" > bFailingCheckThenAnAbort()").getAttribute("data-outcome"));

        String json = Files.readString(reportDirectory.resolve("report.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"summary\": {\"checks\": 8, \"passed\": 4, \"passedInTestsThatDidNotPass\": 2,"
                + " \"failedAsExpected\": 2, \"failed\": 2, \"failedInUnfinishedTests\": 0, \"text\": \"8 checks: 4 passed"
                + " (2 of them in tests that did not pass), 2 failed as their tests expected, 2 failed.\"},"), json.substring(0, 400));
        assertEquals(2, occurrences(json, "\"verdict\": \"failed\", \"outcome\": \"failed as the test expected\","
                + " \"testResult\": \"passed\","));
        assertEquals(1, occurrences(json, "\"verdict\": \"failed\", \"outcome\": \"failed; its test was aborted\","
                + " \"testResult\": \"aborted\","));
        assertEquals(2, occurrences(json, "\"verdict\": \"passed\", \"outcome\": \"passed; its test failed\","
                + " \"testResult\": \"failed\","));
    }

    /** The cells of row {@code row} of a check's block table: block, shape, checked, failures, unresolved, ... */
    private static List<String> blockCells(Element section, int row) {
        Element blocks = elements(section, "table").stream().filter(table -> "blocks".equals(table.getAttribute("class")))
                .findFirst().orElseThrow();
        Element tableRow = elements(elements(blocks, "tbody").get(0), "tr").get(row);
        List<String> cells = new ArrayList<>();
        for (Element cell : elements(tableRow, "td")) {
            cells.add(cell.getTextContent().replace("\u25cf ", ""));
        }
        return cells;
    }

    @Test
    void nothingIsWrittenWhenSwitchedOff() {
        Path reportDirectory = directory.resolve("off");
        run(ChecksTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY, reportDirectory.toString(),
                GradientCheckConstants.REPORT_ENABLED_KEY, "false");

        assertFalse(Files.exists(reportDirectory));
    }

    @Test
    void aRunWithoutChecksWritesNothingAndDeletesTheReportOfAnEarlierRun() {
        Path reportDirectory = directory.resolve("none");
        run(NoChecksTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY, reportDirectory.toString());
        assertFalse(Files.exists(reportDirectory));

        run(ChecksTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY, reportDirectory.toString());
        assertTrue(Files.exists(reportDirectory.resolve("report.html")));
        run(NoChecksTestCase.class, GradientCheckConstants.REPORT_DIRECTORY_KEY, reportDirectory.toString());
        assertFalse(Files.exists(reportDirectory.resolve("report.html")));
        assertFalse(Files.exists(reportDirectory.resolve("report.json")));
    }

    /** The failures of the last {@link #run}: test and exception. */
    private static final List<String> FAILURES = new ArrayList<>();

    /** Runs {@code testClass} through a launcher with the given configuration; returns the number of failed tests. */
    private static long run(Class<?> testClass, String... keyValues) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(GradientCheckConstants.STDOUT_KEY, "false");
        for (int i = 0; i < keyValues.length; i += 2) {
            request.configurationParameter(keyValues[i], keyValues[i + 1]);
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(built, summary);
        FAILURES.clear();
        summary.getSummary().getFailures().forEach(failure -> FAILURES.add(failure.getTestIdentifier().getDisplayName() + ": "
                + failure.getException()));
        return summary.getSummary().getTotalFailureCount();
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static List<Element> elements(Document page, String tag) {
        return elements(page.getDocumentElement(), tag);
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String text(Element parent, String tag) {
        return elements(parent, tag).get(0).getTextContent();
    }

    private static String text(Element parent, String tag, String className) {
        return elements(parent, tag).stream().filter(element -> className.equals(element.getAttribute("class")))
                .findFirst().orElseThrow().getTextContent();
    }

    /** How many {@code tag} elements under {@code parent} have {@code className} among their classes. */
    private static long count(Element parent, String tag, String className) {
        return elements(parent, tag).stream()
                .filter(element -> List.of(element.getAttribute("class").split(" ")).contains(className)).count();
    }

    /** The terms and descriptions of a check's facts, and {@code worst}: the first row of its table of the worst. */
    private static Map<String, String> facts(Element section) {
        Map<String, String> facts = new LinkedHashMap<>();
        List<Element> terms = elements(section, "dt");
        List<Element> descriptions = elements(section, "dd");
        for (int i = 0; i < terms.size(); i++) {
            facts.put(terms.get(i).getTextContent(), descriptions.get(i).getTextContent());
        }
        Element worstTable = elements(section, "table").stream().filter(table -> "worst".equals(table.getAttribute("class")))
                .findFirst().orElseThrow();
        facts.put("worst", elements(elements(worstTable, "tbody").get(0), "td").get(0).getTextContent());
        return facts;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** f(x) = sum of x_i^2 / 2 + x_0 x_1 over a W [2, 2] and b [2] layout; the gradient can be made wrong at W[1,0]. */
    static DifferentiableFunction quadratic(boolean wrong) {
        return DifferentiableFunction.of(x -> {
            double sum = x[0] * x[1];
            for (double value : x) {
                sum += value * value / 2;
            }
            return sum;
        }, x -> {
            double[] gradient = x.clone();
            gradient[0] += x[1];
            gradient[1] += x[0];
            if (wrong) {
                gradient[2] *= 1.5;
            }
            return gradient;
        });
    }

    static final double[] POINT = {0.5, -1.0, 2.0, 0.25, -0.75, 1.5};

    static final ParameterLayout LAYOUT = ParameterLayout.builder().matrix("W", 2, 2).vector("b", 2).build();

    static class ChecksTestCase {

        @Test
        void passingAssertion() {
            GradientAssertions.assertGradientsMatch(quadratic(false), POINT.clone(), LAYOUT);
        }

        @Test
        void failingAssertion() {
            GradientAssertions.assertGradientsMatch(quadratic(true), POINT.clone(), LAYOUT);
        }

        @GradientCheck(trials = 2, seed = "42")
        void trials(GradientChecker checker) {
            GradientAssertions.requirePassed(checker.check(quadratic(false), POINT.clone(), LAYOUT));
        }

        /** 3000 parameters in three blocks, three of them wrong. */
        @Test
        void largeCheck() {
            ParameterLayout layout = ParameterLayout.builder().matrix("weights", 20, 100).vector("bias", 900)
                    .vector("scale", 100).build();
            double[] point = new double[layout.size()];
            for (int i = 0; i < point.length; i++) {
                point[i] = Math.sin(i + 1);
            }
            DifferentiableFunction cubic = DifferentiableFunction.of(x -> {
                double sum = 0;
                for (double value : x) {
                    sum += value * value * value / 3;
                }
                return sum;
            }, x -> {
                double[] gradient = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    gradient[i] = x[i] * x[i] * (i == 7 || i == 2500 || i == 2950 ? 1.01 : 1);
                }
                return gradient;
            });
            GradientAssertions.requirePassed(GradientChecker.defaults().withStrategy(Strategy.full()).check(cubic, point, layout));
        }
    }

    /**
     * Three tests that run at the same time, each checking a function of its own dimension several times, one of
     * them on two threads of the checker.
     */
    static class ParallelTestCase {

        static final int CHECKS_PER_TEST = 4;

        private static final java.util.concurrent.CyclicBarrier ALL_STARTED = new java.util.concurrent.CyclicBarrier(3);

        @Test
        void dimension3() throws Exception {
            checks(3, GradientChecker.defaults());
        }

        @Test
        void dimension5() throws Exception {
            checks(5, GradientChecker.defaults().withStrategy(Strategy.full()).withThreads(2));
        }

        @Test
        void dimension8() throws Exception {
            checks(8, GradientChecker.defaults());
        }

        /** Waits until all three tests run, so that their checks overlap, then checks {@code dimension} parameters. */
        private static void checks(int dimension, GradientChecker checker) throws Exception {
            ALL_STARTED.await(1, java.util.concurrent.TimeUnit.MINUTES);
            DifferentiableFunction squares = DifferentiableFunction.threadSafe(x -> {
                double sum = 0;
                for (double value : x) {
                    sum += value * value;
                }
                return sum;
            }, x -> {
                double[] gradient = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    gradient[i] = 2 * x[i];
                }
                return gradient;
            });
            for (int check = 0; check < CHECKS_PER_TEST; check++) {
                double[] point = new double[dimension];
                for (int i = 0; i < dimension; i++) {
                    point[i] = Math.cos(i + check);
                }
                GradientAssertions.requirePassed(checker.check(squares, point));
            }
        }
    }

    /** A Jacobian check that passes and a Hessian check that fails, both through the default checker. */
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class DerivativesTestCase {

        @Test
        void aJacobian() {
            // y = W x + b for x = (1, 2), W [2, 1], b [1]: the inputs are W and b
            ParameterLayout inputs = ParameterLayout.builder().vector("W", 2).vector("b", 1).build();
            GradientAssertions.assertJacobianMatches(org.gradcheck.function.VectorFunction.of(
                    p -> new double[] {p[0] + 2 * p[1] + p[2], Math.sin(p[0]) * p[2]},
                    p -> new double[][] {{1, 2, 1}, {Math.cos(p[0]) * p[2], 0, Math.sin(p[0])}}),
                    new double[] {0.5, -1.5, 2.0}, inputs);
        }

        @Test
        void bHessian() {
            // f = x0^2 x1 + exp(x1), with d2f/dx1^2 forgotten
            GradientAssertions.assertHessianMatches(org.gradcheck.function.TwiceDifferentiableFunction.of(
                    x -> x[0] * x[0] * x[1] + Math.exp(x[1]),
                    x -> new double[] {2 * x[0] * x[1], x[0] * x[0] + Math.exp(x[1])},
                    x -> new double[][] {{2 * x[1], 2 * x[0]}, {2 * x[0], 0}}), new double[] {0.75, -0.25});
        }
    }

    /**
     * A check in each situation: a failure, a failure its test expected, a pass in a test that fails afterwards, a pass
     * where the test expected a failure, a failure in an aborted test, a check of the class and a trial.
     */
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class OutcomesTestCase {

        @org.junit.jupiter.api.BeforeAll
        static void classLevelCheck() {
            GradientAssertions.assertGradientsMatch(quadratic(false), POINT.clone(), LAYOUT);
        }

        @Test
        void aFailingCheck() {
            GradientAssertions.assertGradientsMatch(quadratic(true), POINT.clone(), LAYOUT);
        }

        @Test
        void bFailingCheckThenAnAbort() {
            org.junit.jupiter.api.Assertions.assertThrows(org.gradcheck.DerivativeMismatchError.class,
                    () -> GradientAssertions.assertGradientsMatch(quadratic(true), POINT.clone(), LAYOUT));
            org.junit.jupiter.api.Assumptions.abort("aborted after its check");
        }

        @Test
        void cPassingCheckThenAFailure() {
            GradientAssertions.assertGradientsMatch(quadratic(false), POINT.clone(), LAYOUT);
            org.junit.jupiter.api.Assertions.fail("fails after its check");
        }

        @Test
        void dExpectedFailure() {
            org.junit.jupiter.api.Assertions.assertThrows(org.gradcheck.DerivativeMismatchError.class,
                    () -> GradientAssertions.assertGradientsMatch(quadratic(true), POINT.clone(), LAYOUT));
        }

        @Test
        void eUnexpectedPass() {
            org.junit.jupiter.api.Assertions.assertThrows(org.gradcheck.DerivativeMismatchError.class,
                    () -> GradientAssertions.assertGradientsMatch(quadratic(false), POINT.clone(), LAYOUT));
        }

        @GradientCheck(trials = 1, seed = "5")
        void fTrial(GradientChecker checker) {
            org.junit.jupiter.api.Assertions.assertThrows(org.gradcheck.DerivativeMismatchError.class,
                    () -> checker.assertMatches(quadratic(true), POINT.clone(), LAYOUT));
        }

        @Test
        void gPassingCheck() {
            GradientAssertions.assertGradientsMatch(quadratic(false), POINT.clone(), LAYOUT);
        }
    }

    static class NoChecksTestCase {

        @Test
        void noCheck() {
            assertEquals(2, 1 + 1);
        }
    }
}
