package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds a user's project (src/it/surefire-report: one @GradientCheck with a backpropagation bug and a fresh random
 * seed, one correct) with Maven and Surefire, then reads {@code target/surefire-reports}: the failing trials'
 * per-parameter reports with seed and rerun line, and the passing trials' figures. Then runs the rerun command
 * printed in the report and checks that it runs exactly that trial, on the same examples, with the same report.
 * The run also leaves the suite report in {@code target/gradcheck}, with nothing configured.
 */
class SurefireReportIntegrationTests {

    private static final String CLASS_NAME = "fixture.ReportFixtureTests";

    @Test
    void surefireReportsShowTheFailingReportAndThePassingFiguresAndTheRerunLineReproducesTheTrial() throws Exception {
        Path project = copyFixture();

        String log = maven(project, List.of("test"));

        String text = read(project.resolve("target/surefire-reports/" + CLASS_NAME + ".txt"));
        assertTrue(text.contains("Tests run: 5, Failures: 3, Errors: 0, Skipped: 0"), text);
        String page = read(project.resolve("target/gradcheck/report.html"));
        assertEquals(5, page.split("<section class=\"check\"", -1).length - 1,
                "Surefire's launcher picked up the suite report without configuration; one section per trial");
        assertEquals(3, page.split("data-verdict=\"failed\"", -1).length - 1, page.substring(0, Math.min(2000, page.length())));
        assertTrue(Files.exists(project.resolve("target/gradcheck/report.json")));
        Matcher seed = Pattern.compile("  root seed: (\\d+) \\(fresh random seed\\)\n").matcher(text);
        assertTrue(seed.find(), text);
        String rootSeed = seed.group(1);
        for (int trial = 1; trial <= 3; trial++) {
            assertTrue(text.contains("Trial " + trial + " of 3 of ReportFixtureTests#buggyBackpropagation(List, GradientChecker)\n"
                    + "  root seed: " + rootSeed + " (fresh random seed)\n"), text);
            assertTrue(text.contains("Rerun this trial alone with -Dgradcheck.seed=" + rootSeed + " -Dgradcheck.trial=" + trial
                    + "\n  for example: mvn test -Dtest='ReportFixtureTests#buggyBackpropagation' -Dgradcheck.seed=" + rootSeed
                    + " -Dgradcheck.trial=" + trial + "\n"), text);
        }
        assertTrue(Pattern.compile("\nw\\[1\\] +\\S+ +\\S+ +\\S+ +\\S+ +\\S+ +FAIL\n").matcher(text).find(),
                "the per-parameter table names w[1]: " + text);
        assertTrue(log.contains("Gradient check failed: 1 of 3 parameters disagree\n  worst w[1]: analytic "), "console output: " + log);

        Document xml = parse(project.resolve("target/surefire-reports/TEST-" + CLASS_NAME + ".xml"));
        Map<String, Element> cases = testCases(xml);
        assertEquals(List.of("buggyBackpropagation(List, GradientChecker)[1]", "buggyBackpropagation(List, GradientChecker)[2]",
                "buggyBackpropagation(List, GradientChecker)[3]", "correctBackpropagation(List, GradientChecker)[1]",
                "correctBackpropagation(List, GradientChecker)[2]"), cases.keySet().stream().sorted().collect(Collectors.toList()));
        String secondFailure = failureMessage(cases.get("buggyBackpropagation(List, GradientChecker)[2]"));
        assertTrue(secondFailure.startsWith("Gradient check failed: 1 of 3 parameters disagree\n  worst w[1]: analytic "), secondFailure);
        assertTrue(secondFailure.endsWith("-Dgradcheck.seed=" + rootSeed + " -Dgradcheck.trial=2"), secondFailure);
        assertEquals("org.gradcheck.junit.TrialMismatchError", ((Element) cases.get("buggyBackpropagation(List, GradientChecker)[2]")
                .getElementsByTagName("failure").item(0)).getAttribute("type"));
        for (int trial = 1; trial <= 2; trial++) {
            String out = childText(cases.get("correctBackpropagation(List, GradientChecker)[" + trial + "]"), "system-out");
            assertTrue(Pattern.compile("^\\[gradcheck\\] ReportFixtureTests#correctBackpropagation \\[" + trial
                    + "\\] seed=81273 examples=\\[\\d+, \\d+\\]: passed, overall difference \\d\\.\\d{3}e-\\d\\d, worst"
                    + " (w\\[[01]\\]|b\\[0\\]) \\(analytic .*, numerical .*, relative error .*\\), 3 checked, 0 failed\n$")
                    .matcher(out).matches(), out);
        }

        Matcher command = Pattern.compile("for example: mvn (test -Dtest='([^']*)' (-Dgradcheck\\.seed=\\d+) (-Dgradcheck\\.trial=2))$")
                .matcher(secondFailure);
        assertTrue(command.find(), secondFailure);
        maven(project, List.of("test", "-Dtest=" + command.group(2), command.group(3), command.group(4)));

        String rerunText = read(project.resolve("target/surefire-reports/" + CLASS_NAME + ".txt"));
        assertTrue(rerunText.contains("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0"), rerunText);
        Map<String, Element> rerunCases = testCases(parse(project.resolve("target/surefire-reports/TEST-" + CLASS_NAME + ".xml")));
        assertEquals(1, rerunCases.size());
        String rerunFailure = failureMessage(rerunCases.values().iterator().next());
        assertEquals(secondFailure.replace("(fresh random seed)", "(configuration parameter gradcheck.seed)"), rerunFailure);
    }

    private static Path copyFixture() throws IOException {
        Path source = Paths.get(property("gradcheck.it.fixture"));
        Path target = Paths.get(property("gradcheck.it.directory"));
        if (Files.exists(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(file);
                }
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.collect(Collectors.toList())) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.writeString(copy, read(file).replace("@project.version@", property("gradcheck.it.projectVersion")));
                }
            }
        }
        return target;
    }

    /** Runs Maven on the project; returns its output, which is also kept in target/it/surefire-report/build-N.log. */
    private static String maven(Path project, List<String> goalsAndProperties) throws Exception {
        List<String> command = new ArrayList<>(Arrays.asList(Paths.get(property("gradcheck.it.mavenHome"), "bin", "mvn").toString(),
                "-B", "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + property("gradcheck.it.localRepository"),
                "-Djunit.version=" + property("gradcheck.it.junitVersion"),
                "-Dgradcheck.core.jar=" + property("gradcheck.it.coreJar"),
                "-Dgradcheck.junit.jar=" + property("gradcheck.it.junitJar"),
                "-Dmaven.test.failure.ignore=true"));
        if (property("gradcheck.it.offline").equals("offline=true")) {
            command.add("-o");
        }
        command.addAll(goalsAndProperties);
        Path log = project.resolve("build-" + goalsAndProperties.size() + ".log");
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "Maven did not finish within 5 minutes: " + command);
        String output = read(log);
        assertEquals(0, process.exitValue(), "Maven failed: " + command + "\n" + output);
        return output;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Map<String, Element> testCases(Document xml) {
        Map<String, Element> cases = new LinkedHashMap<>();
        NodeList nodes = xml.getElementsByTagName("testcase");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element testCase = (Element) nodes.item(i);
            assertEquals(CLASS_NAME, testCase.getAttribute("classname"));
            cases.put(testCase.getAttribute("name"), testCase);
        }
        return cases;
    }

    private static String failureMessage(Element testCase) {
        NodeList failures = testCase.getElementsByTagName("failure");
        assertEquals(1, failures.getLength(), testCase.getAttribute("name"));
        return ((Element) failures.item(0)).getAttribute("message");
    }

    private static String childText(Element testCase, String tag) {
        NodeList children = testCase.getElementsByTagName(tag);
        assertEquals(1, children.getLength(), tag + " of " + testCase.getAttribute("name"));
        return children.item(0).getTextContent();
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        assertTrue(value != null && !value.isEmpty(), "system property " + key + " is set by the failsafe configuration");
        return value;
    }
}
