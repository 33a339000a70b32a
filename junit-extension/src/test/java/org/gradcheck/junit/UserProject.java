package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A user's Maven project in a directory of its own, built by the Maven installation that runs this build
 * ({@code gradcheck.it.mavenHome}), offline when this build is, and read through its Surefire reports.
 */
final class UserProject {

    /** One run of Maven on the project: the command, its exit code and everything it printed. */
    record Build(List<String> command, int exitCode, String log) {

        /** The command and its output, for assertion messages. */
        String describe() {
            return "mvn exited with " + exitCode + ": " + command + "\n" + log;
        }
    }

    private final Path directory;
    private int builds;

    private UserProject(Path directory) {
        this.directory = directory;
    }

    /** An empty project in {@code directory}; whatever an earlier run left there is deleted. */
    static UserProject in(Path directory) throws IOException {
        delete(directory);
        Files.createDirectories(directory);
        return new UserProject(directory);
    }

    /** Deletes {@code path} with everything below it, if it exists. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(file);
            }
        }
    }

    Path directory() {
        return directory;
    }

    /** Copies the text files below {@code source} into the project, each passed through {@code edit}. */
    void copy(Path source, UnaryOperator<String> edit) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                write(source.relativize(file).toString(), edit.apply(read(file)));
            }
        }
    }

    /** Writes a file of the project, creating its folders. */
    void write(String relativePath, String text) throws IOException {
        Path file = directory.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code mvn -B -f pom.xml [-o] arguments...} in the project and waits for it, at most 5 minutes; the output
     * is also kept in {@code build-N.log} beside the pom.
     */
    Build maven(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get(property("gradcheck.it.mavenHome"), "bin", "mvn").toString(),
                "-B", "-f", directory.resolve("pom.xml").toString()));
        if (offline()) {
            command.add("-o");
        }
        command.addAll(arguments);
        Path log = directory.resolve("build-" + ++builds + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "Maven did not finish within 5 minutes: " + command);
        return new Build(command, process.exitValue(), read(log));
    }

    /** Whether this build runs offline, and so the project's builds too. */
    static boolean offline() {
        return property("gradcheck.it.offline").equals("offline=true");
    }

    /** The {@code <testcase>} elements of {@code target/surefire-reports/TEST-className.xml} by name, in file order. */
    Map<String, Element> testCases(String className) throws Exception {
        Map<String, Element> cases = new LinkedHashMap<>();
        NodeList nodes = surefireReport(className).getElementsByTagName("testcase");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element testCase = (Element) nodes.item(i);
            assertEquals(className, testCase.getAttribute("classname"));
            cases.put(testCase.getAttribute("name"), testCase);
        }
        return cases;
    }

    /** The parsed {@code target/surefire-reports/TEST-className.xml}. */
    Document surefireReport(String className) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(directory.resolve("target/surefire-reports/TEST-" + className + ".xml").toFile());
    }

    /** The text of a file of the project. */
    String read(String relativePath) throws IOException {
        return read(directory.resolve(relativePath));
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The message of the one {@code <failure>} of a test case. */
    static String failureMessage(Element testCase) {
        NodeList failures = testCase.getElementsByTagName("failure");
        assertEquals(1, failures.getLength(), testCase.getAttribute("name"));
        return ((Element) failures.item(0)).getAttribute("message");
    }

    /** The text of the one child element {@code tag} of a test case. */
    static String childText(Element testCase, String tag) {
        NodeList children = testCase.getElementsByTagName(tag);
        assertEquals(1, children.getLength(), tag + " of " + testCase.getAttribute("name"));
        return children.item(0).getTextContent();
    }

    /** A system property that the failsafe configuration sets. */
    static String property(String key) {
        String value = System.getProperty(key);
        assertTrue(value != null && !value.isEmpty(), "system property " + key + " is set by the failsafe configuration");
        return value;
    }
}
