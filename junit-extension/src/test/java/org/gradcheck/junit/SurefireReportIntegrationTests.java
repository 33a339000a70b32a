package org.gradcheck.junit;

import static org.gradcheck.junit.UserProject.childText;
import static org.gradcheck.junit.UserProject.failureMessage;
import static org.gradcheck.junit.UserProject.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Builds a user's project (src/it/surefire-report: one @GradientCheck with a backpropagation bug and a fresh random
 * seed, one correct) with Maven and Surefire, then reads {@code target/surefire-reports}: the failing trials'
 * per-parameter reports with seed and rerun line, and the passing trials' figures. Then runs the rerun command
 * printed in the report and checks that it runs exactly that trial, on the same examples, with the same report.
 * The run also leaves the suite report in {@code target/gradcheck}, with nothing configured.
 */
class SurefireReportIntegrationTests {

    private static final String CLASS_NAME = "fixture.ReportFixtureTests";

    /** The line of the failing trial's check in the fixture. */
    private static final String TRIAL_FRAME = "\tat fixture.ReportFixtureTests.buggyBackpropagation(ReportFixtureTests.java:61)";

    @Test
    void surefireReportsShowTheFailingReportAndThePassingFiguresAndTheRerunLineReproducesTheTrial() throws Exception {
        UserProject project = copyFixture();

        String log = maven(project, List.of("test"));

        String text = project.read("target/surefire-reports/" + CLASS_NAME + ".txt");
        assertTrue(text.contains("Tests run: 5, Failures: 3, Errors: 0, Skipped: 0"), text);
        String page = project.read("target/gradcheck/report.html");
        assertEquals(5, page.split("<section class=\"check\"", -1).length - 1,
                "Surefire's launcher picked up the suite report without configuration; one section per trial");
        assertEquals(3, page.split("data-verdict=\"failed\"", -1).length - 1, page.substring(0, Math.min(2000, page.length())));
        assertTrue(Files.exists(project.directory().resolve("target/gradcheck/report.json")));
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
        assertEquals(List.of(TRIAL_FRAME, TRIAL_FRAME, TRIAL_FRAME), text.lines().filter(line -> line.startsWith("\tat "))
                .collect(Collectors.toList()), "each failure's stack trace is the trial's line alone: no frame of GradCheck,"
                + " of JUnit or of the reflection that invoked the trial: " + text);
        assertTrue(Pattern.compile("\nw\\[1\\] +\\S+ +\\S+ +\\S+ +\\S+ +\\S+ +FAIL\n").matcher(text).find(),
                "the per-parameter table names w[1]: " + text);
        assertTrue(log.contains("Gradient check failed: 1 of 3 parameters disagree\n  worst w[1]: analytic "), "console output: " + log);

        Map<String, Element> cases = project.testCases(CLASS_NAME);
        assertEquals(List.of("buggyBackpropagation(List, GradientChecker)[1]", "buggyBackpropagation(List, GradientChecker)[2]",
                "buggyBackpropagation(List, GradientChecker)[3]", "correctBackpropagation(List, GradientChecker)[1]",
                "correctBackpropagation(List, GradientChecker)[2]"), cases.keySet().stream().sorted().collect(Collectors.toList()));
        String secondFailure = failureMessage(cases.get("buggyBackpropagation(List, GradientChecker)[2]"));
        assertTrue(secondFailure.startsWith("Gradient check failed: 1 of 3 parameters disagree\n  worst w[1]: analytic "), secondFailure);
        assertTrue(secondFailure.endsWith("-Dgradcheck.seed=" + rootSeed + " -Dgradcheck.trial=2"), secondFailure);
        assertEquals("org.gradcheck.DerivativeMismatchError", ((Element) cases.get("buggyBackpropagation(List, GradientChecker)[2]")
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

        String rerunText = project.read("target/surefire-reports/" + CLASS_NAME + ".txt");
        assertTrue(rerunText.contains("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0"), rerunText);
        Map<String, Element> rerunCases = project.testCases(CLASS_NAME);
        assertEquals(1, rerunCases.size());
        String rerunFailure = failureMessage(rerunCases.values().iterator().next());
        assertEquals(secondFailure.replace("(fresh random seed)", "(configuration parameter gradcheck.seed)"), rerunFailure);
    }

    private static UserProject copyFixture() throws IOException {
        UserProject project = UserProject.in(Paths.get(property("gradcheck.it.directory")));
        project.copy(Paths.get(property("gradcheck.it.fixture")),
                text -> text.replace("@project.version@", property("gradcheck.it.projectVersion")));
        return project;
    }

    /** Runs Maven on the fixture against this build's jars and local repository; returns its output. */
    private static String maven(UserProject project, List<String> goalsAndProperties) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-Dmaven.repo.local=" + property("gradcheck.it.localRepository"),
                "-Djunit.version=" + property("gradcheck.it.junitVersion"),
                "-Dgradcheck.core.jar=" + property("gradcheck.it.coreJar"),
                "-Dgradcheck.junit.jar=" + property("gradcheck.it.junitJar"),
                "-Dmaven.test.failure.ignore=true"));
        arguments.addAll(goalsAndProperties);
        UserProject.Build build = project.maven(arguments);
        assertEquals(0, build.exitCode(), build.describe());
        return build.log();
    }
}
