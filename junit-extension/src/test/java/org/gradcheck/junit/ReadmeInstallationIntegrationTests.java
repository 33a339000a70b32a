package org.gradcheck.junit;

import static org.gradcheck.junit.UserProject.failureMessage;
import static org.gradcheck.junit.UserProject.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A new user's project, made of what README.md's Installation section says and nothing else: its pom is the section's
 * {@code <dependencies>} and {@code <build>} blocks inside the least a pom must have, its tests are the section's two
 * classes (src/it/readme-installation, which {@code ReadmeSnippetsTests} holds to the README), one right gradient and
 * one wrong by design. For each supported JUnit line, with the README's JUnit version changed to it, {@code mvn test}
 * must run both and fail the build on the wrong gradient with GradCheck's report; with the wrong one deleted, as the
 * README then says, the build must pass.
 *
 * <p>The project's local repository ({@code target/it/repository}) holds GradCheck's poms and jars of this build, so
 * no GradCheck artifact of the developer's own local repository can stand in for them. Everything else comes from
 * this build's local repository, read as a file repository, or from Maven Central; the builds read settings of
 * their own ({@code target/it/settings.xml}), so mirrors and proxies of a developer's {@code ~/.m2/settings.xml} do
 * not reach them.
 */
class ReadmeInstallationIntegrationTests {

    private static final String PASSING = "org.example.GradientCheckTests";

    private static final String FAILING = "org.example.WrongGradientTests";

    private static ReadmePom pom;

    private static Path repository;

    private static Path settings;

    @BeforeAll
    static void installGradCheckIntoTheProjectsRepository() throws IOException {
        pom = ReadmePom.of(UserProject.read(Paths.get(property("gradcheck.it.readme"))));
        assertEquals(List.of(property("gradcheck.it.projectVersion")), pom.versionsOf("gradcheck-junit"),
                "README.md's Installation snippet names the version that mvn -B install -DskipTests produces");
        assertEquals(1, pom.versionsOf("junit-jupiter").size(), "README.md's Installation snippet names junit-jupiter's version");

        repository = Paths.get(property("gradcheck.it.repository"));
        Path gradcheck = repository.resolve("org/gradcheck");
        UserProject.delete(gradcheck);
        String version = property("gradcheck.it.projectVersion");
        install(gradcheck, "gradcheck-parent", version, Paths.get(property("gradcheck.it.parentPom")), null);
        install(gradcheck, "gradcheck-core", version, Paths.get(property("gradcheck.it.corePom")),
                Paths.get(property("gradcheck.it.coreJar")));
        install(gradcheck, "gradcheck-junit", version, Paths.get(property("gradcheck.it.junitPom")),
                Paths.get(property("gradcheck.it.junitJar")));

        settings = repository.resolveSibling("settings.xml");
        Files.writeString(settings, settings(Paths.get(property("gradcheck.it.localRepository")).toUri().toString()));
    }

    static Stream<String> junitLines() {
        return Arrays.stream(property("gradcheck.it.junitLines").split(",")).map(String::trim);
    }

    @ParameterizedTest(name = "JUnit {0}")
    @MethodSource("junitLines")
    void theReadmesProjectFailsOnTheWrongGradientThenPassesWithoutIt(String junitVersion) throws Exception {
        UserProject project = UserProject.in(Paths.get(property("gradcheck.it.installationDirectory"), "junit-" + junitVersion));
        project.write("pom.xml", pom.withJUnit(junitVersion));
        project.copy(Paths.get(property("gradcheck.it.installationFixture")), text -> text);
        List<String> arguments = new ArrayList<>(List.of("-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        if (UserProject.offline()) {
            arguments.add("-Daether.offline.protocols=file");
        }
        arguments.add("test");

        UserProject.Build failing = project.maven(arguments);

        assertEquals(1, failing.exitCode(), "the wrong gradient fails the build: " + failing.describe());
        assertTrue(failing.log().contains("[ERROR] Tests run: 6, Failures: 3, Errors: 0, Skipped: 0"), failing.describe());
        assertTrue(failing.log().contains("[INFO] BUILD FAILURE"), failing.describe());
        assertTestsRan(project, PASSING, 3, 0);
        assertTestsRan(project, FAILING, 3, 3);
        for (Element testCase : project.testCases(FAILING).values()) {
            String message = failureMessage(testCase);
            assertTrue(message.startsWith("Gradient check failed: 1 of 2 parameters disagree\n  worst x[1]: analytic "), message);
            assertTrue(Pattern.compile("\nx\\[1\\] +\\S+ +\\S+ +\\S+ +\\S+ +\\S+ +FAIL\n").matcher(message).find(), message);
            assertTrue(Pattern.compile("\nRerun this trial alone with -Dgradcheck\\.seed=-?\\d+ -Dgradcheck\\.trial=[123]\n")
                    .matcher(message).find(), message);
        }
        assertTestClassPathHas(project, junitVersion);

        Files.delete(project.directory().resolve("src/test/java/org/example/WrongGradientTests.java"));
        UserProject.Build passing = project.maven(arguments);

        assertEquals(0, passing.exitCode(), "without the wrong gradient the build passes: " + passing.describe());
        assertTrue(passing.log().contains("[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"), passing.describe());
        assertTrue(passing.log().contains("[INFO] BUILD SUCCESS"), passing.describe());
        assertFalse(passing.log().contains(FAILING), passing.describe());
        assertTestsRan(project, PASSING, 3, 0);
    }

    /** Copies a pom, and a jar unless it is null, where a local repository keeps {@code org.gradcheck:artifactId:version}. */
    private static void install(Path group, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(group.resolve(artifactId).resolve(version));
        Files.copy(pom, folder.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            assertTrue(Files.isRegularFile(jar), "the failsafe configuration names a built jar: " + jar);
            Files.copy(jar, folder.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    /** Settings that read released artifacts from {@code localRepository} as a file repository, before Maven Central. */
    private static String settings(String localRepository) {
        String repository = "<id>build-local-repository</id><url>" + localRepository + "</url>"
                + "<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
        return "<settings><profiles><profile><id>build-local-repository</id>"
                + "<repositories><repository>" + repository + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>build-local-repository</activeProfile></activeProfiles>"
                + "</settings>\n";
    }

    /** Surefire's XML report of {@code className} counts {@code tests} tests run, {@code failures} of them failed. */
    private static void assertTestsRan(UserProject project, String className, int tests, int failures) throws Exception {
        Element suite = project.surefireReport(className).getDocumentElement();
        assertEquals(List.of(tests, failures, 0, 0), Stream.of("tests", "failures", "errors", "skipped")
                .map(count -> Integer.valueOf(suite.getAttribute(count))).collect(Collectors.toList()), className);
        Map<String, Element> cases = project.testCases(className);
        assertEquals(tests, cases.size(), className);
        long failed = cases.values().stream().filter(c -> c.getElementsByTagName("failure").getLength() > 0).count();
        assertEquals(failures, failed, className);
    }

    /**
     * The tests ran on the JUnit line the pom names, and nothing else of JUnit, with this build's GradCheck: every jar on
     * Surefire's test class path comes from the project's repository, and every JUnit jar there is of that line
     * (Jupiter {@code 5.x.y} goes with Platform {@code 1.x.y}).
     */
    private static void assertTestClassPathHas(UserProject project, String junitVersion) throws Exception {
        List<String> junitJars = new ArrayList<>();
        List<String> gradcheckJars = new ArrayList<>();
        for (String entry : testClassPath(project)) {
            Path path = Paths.get(entry);
            if (path.startsWith(project.directory().resolve("target"))) {
                continue;
            }
            assertTrue(path.startsWith(repository), "a jar of the project's repository: " + entry);
            if (path.startsWith(repository.resolve("org/junit"))) {
                junitJars.add(path.getFileName().toString());
            } else if (path.startsWith(repository.resolve("org/gradcheck"))) {
                gradcheckJars.add(path.getFileName().toString());
            }
        }
        String platformVersion = junitVersion.startsWith("5.") ? "1." + junitVersion.substring(2) : junitVersion;
        assertEquals(List.of("junit-jupiter-" + junitVersion + ".jar", "junit-jupiter-api-" + junitVersion + ".jar",
                "junit-jupiter-engine-" + junitVersion + ".jar", "junit-jupiter-params-" + junitVersion + ".jar",
                "junit-platform-commons-" + platformVersion + ".jar", "junit-platform-engine-" + platformVersion + ".jar"),
                junitJars.stream().sorted().collect(Collectors.toList()), "JUnit on the test class path");
        String version = property("gradcheck.it.projectVersion");
        assertEquals(List.of("gradcheck-core-" + version + ".jar", "gradcheck-junit-" + version + ".jar"),
                gradcheckJars.stream().sorted().collect(Collectors.toList()), "GradCheck on the test class path");
    }

    /** The entries of the test class path that Surefire records in its XML report. */
    private static List<String> testClassPath(UserProject project) throws Exception {
        NodeList properties = project.surefireReport(PASSING).getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals("surefire.test.class.path")) {
                return Arrays.asList(property.getAttribute("value").split(File.pathSeparator));
            }
        }
        throw new AssertionError("Surefire's report of " + PASSING + " records surefire.test.class.path");
    }
}
