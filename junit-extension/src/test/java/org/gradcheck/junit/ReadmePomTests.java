package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmePomTests {

    private static final String README = """
            # A project

            ```xml
            <dependencies>
              <dependency><artifactId>elsewhere</artifactId></dependency>
            </dependencies>
            ```

            ## Installation, modules, API status

            Text.

            ```xml
            <dependency>
              <artifactId>a-single-dependency-is-not-the-block</artifactId>
            </dependency>
            ```

            ```xml
            <dependencies>
              <dependency>
                <artifactId>gradcheck-junit</artifactId>
                <version>0.1.0-SNAPSHOT</version>
              </dependency>
              <dependency>
                <artifactId>junit-jupiter</artifactId>
                <version>5.14.1</version>
              </dependency>
            </dependencies>
            ```

            ```xml
            <build>
              <plugins/>
            </build>
            ```

            ## The next section

            ```xml
            <build>
              <elsewhere/>
            </build>
            ```
            """;

    @Test
    void thePomIsTheSectionsDependenciesAndBuildWithTheJUnitVersionReplaced() {
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                <modelVersion>4.0.0</modelVersion>
                <groupId>org.example</groupId>
                <artifactId>gradients</artifactId>
                <version>1.0-SNAPSHOT</version>
                <dependencies>
                  <dependency>
                    <artifactId>gradcheck-junit</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                  </dependency>
                  <dependency>
                    <artifactId>junit-jupiter</artifactId>
                    <version>6.0.3</version>
                  </dependency>
                </dependencies>
                <build>
                  <plugins/>
                </build>
                </project>
                """, ReadmePom.of(README).withJUnit("6.0.3"));
    }

    @Test
    void namesTheVersionsOfADependency() {
        ReadmePom pom = ReadmePom.of(README);

        assertEquals(List.of("0.1.0-SNAPSHOT"), pom.versionsOf("gradcheck-junit"));
        assertEquals(List.of("5.14.1"), pom.versionsOf("junit-jupiter"));
        assertEquals(List.of(), pom.versionsOf("junit"));
    }

    @Test
    void aMissingBlockIsNamed() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ReadmePom.of(README.replace("```xml\n<build>\n  <plugins/>", "```\n<build>\n  <plugins/>")));

        assertEquals("README.md's section \"## Installation, modules, API status\" has no ```xml block whose first line is "
                + "<build>: the pom of the user's project is made of its <dependencies> and <build> blocks", error.getMessage());
    }

    @Test
    void aMissingSectionIsNamed() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ReadmePom.of(README.replace("## Installation, modules, API status", "## Installation")));

        assertEquals("README.md has no line \"## Installation, modules, API status\": that section's ```xml blocks make the "
                + "pom of the user's project", error.getMessage());
    }
}
