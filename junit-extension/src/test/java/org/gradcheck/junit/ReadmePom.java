package org.gradcheck.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pom of a new user's project as README.md's Installation section gives it: the section's {@code ```xml} blocks
 * that start with {@code <dependencies>} and with {@code <build>}, inside the least a pom must have.
 */
final class ReadmePom {

    static final String SECTION = "## Installation, modules, API status";

    private final String dependencies;

    private final String build;

    private ReadmePom(String dependencies, String build) {
        this.dependencies = dependencies;
        this.build = build;
    }

    /** The blocks of {@code readme}'s Installation section; an error names what is missing. */
    static ReadmePom of(String readme) {
        List<String> section = section(readme);
        return new ReadmePom(xmlBlock(section, "<dependencies>"), xmlBlock(section, "<build>"));
    }

    /** The versions that the {@code <dependency>} elements of {@code artifactId} name, in order. */
    List<String> versionsOf(String artifactId) {
        Matcher version = dependencyVersion(artifactId).matcher(dependencies);
        List<String> versions = new ArrayList<>();
        while (version.find()) {
            versions.add(version.group(2));
        }
        return versions;
    }

    /** The whole pom of {@code org.example:gradients:1.0-SNAPSHOT}, with the README's junit-jupiter version replaced. */
    String withJUnit(String junitVersion) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "<modelVersion>4.0.0</modelVersion>\n"
                + "<groupId>org.example</groupId>\n"
                + "<artifactId>gradients</artifactId>\n"
                + "<version>1.0-SNAPSHOT</version>\n"
                + dependencyVersion("junit-jupiter").matcher(dependencies).replaceFirst("$1" + Matcher.quoteReplacement(junitVersion) + "$3")
                + build
                + "</project>\n";
    }

    private static Pattern dependencyVersion(String artifactId) {
        return Pattern.compile("(<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>)([^<]*)(</version>)");
    }

    private static List<String> section(String readme) {
        List<String> lines = readme.lines().collect(Collectors.toList());
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new AssertionError("README.md has no line \"" + SECTION + "\": that section's ```xml blocks make the pom of "
                    + "the user's project");
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    private static String xmlBlock(List<String> section, String firstLine) {
        for (int i = 0; i + 1 < section.size(); i++) {
            if (section.get(i).equals("```xml") && section.get(i + 1).equals(firstLine)) {
                StringBuilder block = new StringBuilder();
                for (int j = i + 1; j < section.size() && !section.get(j).equals("```"); j++) {
                    block.append(section.get(j)).append('\n');
                }
                return block.toString();
            }
        }
        throw new AssertionError("README.md's section \"" + SECTION + "\" has no ```xml block whose first line is " + firstLine
                + ": the pom of the user's project is made of its <dependencies> and <build> blocks");
    }
}
