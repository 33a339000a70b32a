package org.gradcheck.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code is code the build compiles and runs: every Java snippet of README.md stands, line for line,
 * in a test source of the project, and every properties snippet in a test resource; its Quick start is the two
 * commands CI runs.
 */
class ReadmeSnippetsTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** A fenced block of the README: its language and its lines, trimmed, without blank lines. */
    private record Snippet(String language, int line, List<String> lines) {
    }

    private static List<Snippet> snippets() {
        List<String> readme = read(ROOT.resolve("README.md"));
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i).trim();
            if (line.startsWith("```") && line.length() > 3) {
                String language = line.substring(3).trim();
                int start = i + 1;
                List<String> body = new ArrayList<>();
                for (i = start; i < readme.size() && !readme.get(i).trim().equals("```"); i++) {
                    if (!readme.get(i).isBlank()) {
                        body.add(readme.get(i).trim());
                    }
                }
                snippets.add(new Snippet(language, start, body));
            }
        }
        return snippets;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trimmed, non-blank lines of every file below the modules' test folders whose name ends with a suffix. */
    private static List<List<String>> sources(String... suffixes) {
        List<List<String>> files = new ArrayList<>();
        for (String module : List.of("core", "junit-extension", "examples")) {
            for (String folder : List.of("src/test", "src/it")) {
                Path top = ROOT.resolve(module).resolve(folder);
                if (!Files.isDirectory(top)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(top)) {
                    for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                        for (String suffix : suffixes) {
                            if (file.toString().endsWith(suffix)) {
                                files.add(read(file).stream().filter(l -> !l.isBlank()).map(String::trim)
                                        .collect(Collectors.toList()));
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    private static boolean standsIn(List<String> snippet, List<List<String>> files) {
        for (List<String> file : files) {
            if (java.util.Collections.indexOfSubList(file, snippet) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyJavaSnippetIsCompiledTestCode() {
        List<List<String>> sources = sources(".java");
        List<Snippet> java = snippets().stream().filter(s -> s.language().equals("java")).collect(Collectors.toList());
        assertFalse(java.isEmpty(), "the README shows Java code");
        List<String> missing = new ArrayList<>();
        for (Snippet snippet : java) {
            if (!standsIn(snippet.lines(), sources)) {
                missing.add("README.md line " + snippet.line() + ": " + snippet.lines().get(0));
            }
        }
        assertTrue(missing.isEmpty(), "Java snippets found in no test source: " + missing);
    }

    @Test
    void everyPropertiesSnippetIsATestResource() {
        List<List<String>> resources = sources(".properties");
        for (Snippet snippet : snippets()) {
            if (snippet.language().equals("properties")) {
                assertTrue(standsIn(snippet.lines(), resources), "README.md line " + snippet.line()
                        + ": properties found in no test resource: " + snippet.lines());
            }
        }
    }

    @Test
    void theQuickStartIsTheDemoAndTheTestCommandThatCiRuns() {
        List<String> readme = read(ROOT.resolve("README.md"));
        int heading = readme.indexOf("## Quick start");
        assertTrue(heading >= 0, "the README has a Quick start section");
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme.subList(heading + 1, readme.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (inBlock && !line.isBlank()) {
                commands.add(line.trim());
            }
        }
        assertEquals(List.of("mvn -B -q -Pdemo -DskipTests verify", "mvn -B verify"), commands);
        assertTrue(read(ROOT.resolve(".ci/run")).contains("mvn -B verify"), ".ci/run runs the README's test command");
    }

    @Test
    void theDemoRunsOnAnotherFolderThroughTheDemoProfilesDataProperty() {
        assertTrue(read(ROOT.resolve("README.md")).contains("mvn -B -q -Pdemo -DskipTests verify -Dgradcheck.data=FOLDER"),
                "the README shows the Quick start's demo command with -Dgradcheck.data=FOLDER");
        String pom = String.join("\n", read(ROOT.resolve("examples/pom.xml")));
        int profile = pom.indexOf("<id>demo</id>");
        assertTrue(profile >= 0, "examples/pom.xml has the demo profile");
        String demo = pom.substring(profile, pom.indexOf("</profile>", profile));
        assertTrue(demo.contains("<mainClass>org.gradcheck.examples.Demo</mainClass>")
                && demo.contains("<argument>${gradcheck.data}</argument>"), "the demo profile passes ${gradcheck.data} to Demo: " + demo);
    }
}
