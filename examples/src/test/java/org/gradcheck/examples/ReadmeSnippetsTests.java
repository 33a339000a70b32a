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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code is code the build compiles and runs: every Java snippet of README.md stands, line for line,
 * in a test source of the project, under the imports it needs, and every properties snippet in a test resource;
 * its Quick start is the two commands CI runs.
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
        List<Snippet> java = javaSnippets();
        assertFalse(java.isEmpty(), "the README shows Java code");
        List<String> missing = new ArrayList<>();
        for (Snippet snippet : java) {
            if (sourceOf(snippet, sources) == null) {
                missing.add("README.md line " + snippet.line() + ": " + snippet.lines().get(0));
            }
        }
        assertTrue(missing.isEmpty(), "Java snippets found in no test source (with the snippet's imports): " + missing);
    }

    /**
     * A snippet shows the imports its code needs, so that it compiles where it is copied: every import of its test
     * source whose name the snippet uses, and every GradCheck class of the source's own package that it uses, heads
     * the snippet, in any order, before the code. Classes the test source declares itself are the user's own.
     */
    @Test
    void everyJavaSnippetImportsWhatItUses() {
        List<List<String>> sources = sources(".java");
        List<String> missing = new ArrayList<>();
        for (Snippet snippet : javaSnippets()) {
            List<String> source = sourceOf(snippet, sources);
            if (source == null) {
                continue;
            }
            String code = snippet.lines().stream().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
            for (String line : source) {
                String name = line.startsWith("import ") ? importedName(line) : null;
                if (name != null && !snippet.lines().contains(line) && uses(code, name)) {
                    missing.add("README.md line " + snippet.line() + " uses " + name + ": " + line);
                }
            }
            String packageName = source.get(0).startsWith("package ") ? source.get(0).substring(8, source.get(0).length() - 1) : "";
            String declarations = String.join("\n", source);
            Matcher word = Pattern.compile("(?<![\\w.$])[A-Z]\\w*").matcher(code);
            Set<String> samePackage = new TreeSet<>();
            while (word.find()) {
                String line = "import " + packageName + "." + word.group() + ";";
                boolean declaredInTheSource = Pattern.compile("\\b(class|interface|enum|record) " + word.group() + "\\b")
                        .matcher(declarations).find();
                if (!snippet.lines().contains(line) && !declaredInTheSource && importsFromItsPackage(source, line)) {
                    samePackage.add(line);
                }
            }
            for (String line : samePackage) {
                missing.add("README.md line " + snippet.line() + " uses a class of its source's package: " + line);
            }
        }
        assertTrue(missing.isEmpty(), "Java snippets without the imports they need: " + missing);
    }

    /** Whether {@code code} names {@code name} other than as the last part of a qualified name. */
    private static boolean uses(String code, String name) {
        return Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?![\\w$])").matcher(code).find();
    }

    private static List<Snippet> javaSnippets() {
        return snippets().stream().filter(s -> s.language().equals("java")).collect(Collectors.toList());
    }

    /**
     * The test source in which the snippet's code, the snippet less its leading imports, stands line for line and
     * which has those imports (or, for a class of the source's own package, needs none); null if there is none.
     */
    private static List<String> sourceOf(Snippet snippet, List<List<String>> sources) {
        int count = 0;
        while (count < snippet.lines().size() && snippet.lines().get(count).startsWith("import ")) {
            count++;
        }
        List<String> imports = snippet.lines().subList(0, count);
        List<String> code = snippet.lines().subList(count, snippet.lines().size());
        for (List<String> file : sources) {
            if (java.util.Collections.indexOfSubList(file, code) >= 0
                    && imports.stream().allMatch(line -> file.contains(line) || importsFromItsPackage(file, line))) {
                return file;
            }
        }
        return null;
    }

    /** Whether {@code importLine} imports a class, on this class path, of the package that {@code file} declares. */
    private static boolean importsFromItsPackage(List<String> file, String importLine) {
        String type = importLine.substring("import ".length(), importLine.length() - 1);
        if (file.isEmpty() || !file.get(0).equals("package " + type.substring(0, type.lastIndexOf('.')) + ";")) {
            return false;
        }
        try {
            Class.forName(type, false, ReadmeSnippetsTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The simple name that an import line brings into scope ({@code List}, {@code assertEquals}); null for a wildcard. */
    private static String importedName(String importLine) {
        String name = importLine.substring(importLine.lastIndexOf('.') + 1, importLine.length() - 1);
        return name.equals("*") ? null : name;
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
