package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.math3.RealFieldElement;
import org.gradcheck.GradientChecker;
import org.gradcheck.Tolerance;
import org.gradcheck.function.DifferentiableFunction;
import org.gradcheck.function.FieldFunction;
import org.gradcheck.function.TwiceDifferentiableFunction;
import org.gradcheck.layout.ParameterLayout;
import org.gradcheck.report.DerivativeReport;
import org.gradcheck.report.Entry;
import org.gradcheck.report.Verdict;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The plots of the suite report, drawn from real checks and read back as XML: where the points and bars lie, and
 * whether that agrees with the verdicts.
 */
class SuiteReportPlotsTests {

    private static final double[] POINT = {0.5, -1.0, 2.0, 0.25, -0.75, 1.5};

    private static final double[] SCALES = {1, 3e-3, 20, 0.4, 7e2, 0.05};

    @Test
    void aFourfoldBiasLiesDecadesAboveThePassesAndAboveTheTolerance() throws Exception {
        DerivativeReport report = GradientChecker.defaults().check(scaledSquares(2, 4), POINT.clone(),
                ParameterLayout.builder().vector("w", 3).vector("b", 3).build());
        CheckRecord record = record(report);
        Document svg = parse(SvgPlots.relativeErrors(record, List.of("w", "b")));

        Map<String, Double> decades = yTicks(svg);
        double pixelsPerDecade = (decades.get("1e-2") - decades.get("1")) / 2;
        Element tolerance = only(svg, "line", "tolerance");
        assertEquals(decades.get("1e-6"), attribute(tolerance, "y1"), 0.05, "the relative tolerance, 1e-6, is drawn");
        assertEquals(attribute(tolerance, "y1"), attribute(tolerance, "y2"), 0.0, "as a horizontal line");

        Map<String, Element> points = new TreeMap<>();
        for (Element point : elements(svg, "circle", "point")) {
            points.put(point.getTextContent().replaceFirst(":.*", ""), point);
        }
        assertEquals(6, points.size());
        Element wrong = points.get("w[2]");
        assertTrue(wrong.getTextContent().endsWith(", FAIL"), wrong.getTextContent());
        assertEquals(decades.get("1") - Math.log10(0.75) * pixelsPerDecade, attribute(wrong, "cy"), 0.1,
                "the wrong entry is at its relative error |4g - g| / |4g| = 0.75");
        assertEquals(1, elements(svg, "circle", "failure").size(), "and ringed");
        for (Map.Entry<String, Element> point : points.entrySet()) {
            if (point.getValue() != wrong) {
                assertTrue(attribute(point.getValue(), "cy") > attribute(tolerance, "y1"),
                        point.getKey() + " passes below the tolerance");
                assertTrue(attribute(point.getValue(), "cy") - attribute(wrong, "cy") > 6 * pixelsPerDecade,
                        point.getKey() + " lies more than six decades below the wrong entry");
            }
        }
        Map<String, Double> magnitudes = xTicks(svg);
        double pixelsPerMagnitudeDecade = (magnitudes.get("1") - magnitudes.get("1e-2")) / 2;
        double magnitude = 4 * 20 * 2.0;
        assertEquals(magnitudes.get("1") + Math.log10(magnitude) * pixelsPerMagnitudeDecade, attribute(wrong, "cx"), 0.1,
                "at its magnitude max(|g|, |n|) = 4 * 20 * 2");
    }

    @Test
    void anEntryAtAKinkIsRingedAsOneAndNotAsAFailure() throws Exception {
        Document svg = parse(SvgPlots.relativeErrors(record(GradientChecker.defaults().check(absoluteValue(),
                new double[] {0, 0.5})), List.of("x")));

        assertEquals(1, elements(svg, "circle", "kink").size());
        assertEquals(0, elements(svg, "circle", "failure").size());
        assertEquals(1, elements(svg, "text", null).stream().filter(text -> text.getTextContent().equals("kink (subgradient)"))
                .count(), "the legend names the ring");
    }

    @Test
    void entriesWhoseValuesAreBothZeroAreCountedWhereTheyPileUp() throws Exception {
        DerivativeReport report = GradientChecker.defaults().checkHessian(cubicWithALinearTerm(), new double[] {0.75, -0.25, 2});
        int zeros = 0;
        for (Entry entry : report.entries()) {
            zeros += entry.analytic() == 0 && entry.numerical() == 0 ? 1 : 0;
        }
        Document svg = parse(SvgPlots.relativeErrors(record(report), List.of("x")));

        assertTrue(zeros > 1, report.format(20));
        String label = "\u00d7" + zeros + " at 0";
        assertEquals(1, elements(svg, "text", null).stream().filter(text -> text.getTextContent().equals(label)).count(),
                "the plot says how many entries lie on the spot of magnitude and relative error 0");
    }

    @Test
    void theErrorRatioHistogramAgreesWithTheVerdictsOfEveryKindOfCheck() throws Exception {
        assertHistogramAgreesWithVerdicts(GradientChecker.defaults().check(scaledSquares(2, 4), POINT.clone()),
                Map.of("pass", 5, "fail", 1));
        assertHistogramAgreesWithVerdicts(GradientChecker.defaults().checkHessian(cubicWithALinearTerm(), new double[] {0.75,
            -0.25, 2}), Map.of("pass", 2, "exact", 1, "negligible", 5, "fail", 1));
        assertHistogramAgreesWithVerdicts(GradientChecker.defaults().check(absoluteValue(), new double[] {0, 0.5}),
                Map.of("pass", 1, "kink", 1));
        // an exact comparison's allowed error is the one its verdict used (a few units of rounding): its failures
        // are ratios above 1 like any other
        assertHistogramAgreesWithVerdicts(GradientChecker.defaults().checkExact(exponential(), roundedToFloat(),
                new double[] {0.3, 1.7}), Map.of("fail", 2));
    }

    @Test
    void passesThatTheNumericalErrorLetsBeyondTheRelativeToleranceLieLeftOfTheMark() throws Exception {
        Tolerance tight = Tolerance.relative(1e-13);
        DerivativeReport report = GradientChecker.defaults().withTolerance(tight).check(scaledSquares(-1, 1), POINT.clone());
        List<String> beyond = new ArrayList<>();
        for (Entry entry : report.entries()) {
            if (entry.verdict() == Verdict.PASS && entry.relativeError() > tight.relativePart()) {
                beyond.add(entry.name());
            }
        }
        assertTrue(beyond.size() >= 3, "passes beyond the relative tolerance, allowed by their numerical error: " + beyond);
        assertHistogramAgreesWithVerdicts(report, Map.of("pass", 6));
    }

    /**
     * Every bar of a pass lies at or left of the histogram's mark at 1, every other right of it; the bars count
     * every entry checked one by one, in the bars of {@code expected} kinds.
     */
    private static void assertHistogramAgreesWithVerdicts(DerivativeReport report, Map<String, Integer> expected)
            throws Exception {
        Document svg = parse(SvgPlots.errorRatios(record(report)));
        Element mark = only(svg, "line", "allowed");
        double one = attribute(mark, "x1");
        Map<String, Integer> counts = new TreeMap<>();
        int left = 0;
        int right = 0;
        for (Element bar : elements(svg, "rect", "bar")) {
            String kind = bar.getAttribute("class").replace("bar ", "");
            int count = Integer.parseInt(bar.getTextContent().replaceFirst(" .*", ""));
            double x = attribute(bar, "x");
            double width = attribute(bar, "width");
            if (kind.equals("pass") || kind.equals("exact") || kind.equals("negligible")) {
                assertTrue(x + width <= one, kind + " bar from " + x + " to " + (x + width) + " reaches past the mark at " + one);
                left += count;
            } else {
                assertTrue(x >= one, kind + " bar at " + x + " lies left of the mark at " + one);
                right += count;
            }
            counts.merge(kind, count, Integer::sum);
        }
        int passes = 0;
        int others = 0;
        for (Entry entry : report.entries()) {
            if (!Double.isNaN(entry.numerical())) {
                passes += entry.verdict() == Verdict.PASS ? 1 : 0;
                others += entry.verdict() == Verdict.PASS ? 0 : 1;
            }
        }
        assertEquals(passes, left, "every pass is counted left of the mark: " + counts);
        assertEquals(others, right, "every failure, kink and unresolved entry right of it: " + counts);
        assertEquals(new TreeMap<>(expected), counts, report.headline());
    }

    /** {@code sum of scale_i x_i^2 / 2}, with the derivative of parameter {@code wrong} multiplied by {@code factor}. */
    private static DifferentiableFunction scaledSquares(int wrong, double factor) {
        return DifferentiableFunction.of(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += SCALES[i] * x[i] * x[i] / 2;
            }
            return sum;
        }, x -> {
            double[] gradient = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                gradient[i] = SCALES[i] * x[i] * (i == wrong ? factor : 1);
            }
            return gradient;
        });
    }

    /** {@code x0^2 x1 + exp(x1) + x2}, whose Hessian forgets {@code d2f / dx1^2 = exp(x1)}. */
    private static TwiceDifferentiableFunction cubicWithALinearTerm() {
        return TwiceDifferentiableFunction.of(x -> x[0] * x[0] * x[1] + Math.exp(x[1]) + x[2],
                x -> new double[] {2 * x[0] * x[1], x[0] * x[0] + Math.exp(x[1]), 1},
                x -> new double[][] {{2 * x[1], 2 * x[0], 0}, {2 * x[0], 0, 0}, {0, 0, 0}});
    }

    /** {@code |x0| + x1^2}, checked at {@code x0 = 0} with the subgradient 0. */
    private static DifferentiableFunction absoluteValue() {
        return DifferentiableFunction.of(x -> Math.abs(x[0]) + x[1] * x[1],
                x -> new double[] {x[0] == 0 ? 0 : Math.signum(x[0]), 2 * x[1]});
    }

    /** {@code exp(x0) x1}. */
    private static FieldFunction exponential() {
        return new FieldFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return x[0].exp().multiply(x[1]);
            }
        };
    }

    /** The gradient of {@link #exponential()}, computed in single precision. */
    private static DifferentiableFunction roundedToFloat() {
        return DifferentiableFunction.of(x -> Math.exp(x[0]) * x[1],
                x -> new double[] {(float) Math.exp(x[0]) * (float) x[1], (float) Math.exp(x[0])});
    }

    private static CheckRecord record(DerivativeReport report) {
        return CheckRecord.of(1, "SuiteReportPlotsTests > check()", "[test:check()]", null, report);
    }

    /** The vertical positions of the labelled decades of the relative-error axis, by label. */
    private static Map<String, Double> yTicks(Document svg) {
        Map<String, Double> ticks = new LinkedHashMap<>();
        for (Element text : elements(svg, "text", null)) {
            if (text.getAttribute("text-anchor").equals("end") && text.getTextContent().matches("1(e-?\\d+)?")) {
                ticks.put(text.getTextContent(), attribute(text, "y") - 3);
            }
        }
        return ticks;
    }

    /** The horizontal positions of the labelled decades of the magnitude axis, by label. */
    private static Map<String, Double> xTicks(Document svg) {
        Map<String, Double> ticks = new LinkedHashMap<>();
        for (Element text : elements(svg, "text", null)) {
            if (text.getAttribute("text-anchor").equals("middle") && text.getTextContent().matches("1(e-?\\d+)?")) {
                ticks.put(text.getTextContent(), attribute(text, "x"));
            }
        }
        return ticks;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** The {@code tag} elements with {@code className} among their classes (all of them for null). */
    private static List<Element> elements(Document svg, String tag, String className) {
        NodeList nodes = svg.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (className == null || List.of(element.getAttribute("class").split(" ")).contains(className)) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Element only(Document svg, String tag, String className) {
        List<Element> elements = elements(svg, tag, className);
        assertEquals(1, elements.size(), "one " + tag + " of class " + className);
        return elements.get(0);
    }

    private static double attribute(Element element, String name) {
        return Double.parseDouble(element.getAttribute(name));
    }
}
