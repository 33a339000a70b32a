package org.gradcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a small named module that {@code requires org.gradcheck.core} and {@code org.gradcheck.junit} against the
 * jars of this build and runs it on the module path, as modular tests use GradCheck: the module descriptors resolve
 * with JUnit's, a check runs and the suite report's check observer loads as a service of the extension module.
 */
class ModulePathIntegrationTests {

    @TempDir
    Path directory;

    @Test
    void aNamedModuleRequiresCoreAndTheExtensionAndRunsACheckOnTheModulePath() throws Exception {
        Path sources = directory.resolve("src");
        Path module = sources.resolve("org.example.gradients");
        Files.createDirectories(module.resolve("org/example/gradients"));
        Files.writeString(module.resolve("module-info.java"), """
                module org.example.gradients {
                    requires org.gradcheck.core;
                    requires org.gradcheck.junit;
                    uses org.gradcheck.report.CheckObserver;
                }
                """);
        Files.writeString(module.resolve("org/example/gradients/Main.java"), """
                package org.example.gradients;

                import org.gradcheck.GradientAssertions;
                import org.gradcheck.function.DifferentiableFunction;
                import org.gradcheck.junit.GradientCheck;
                import java.util.ServiceLoader;
                import org.gradcheck.report.CheckObserver;
                import org.gradcheck.report.GradientReport;

                public final class Main {
                    public static void main(String[] args) {
                        GradientReport report = GradientAssertions.assertGradientsMatch(DifferentiableFunction.of(
                                x -> x[0] * x[0] * x[1],
                                x -> new double[] {2 * x[0] * x[1], x[0] * x[0]}), new double[] {1.5, -2});
                        System.out.println(GradientAssertions.class.getModule().getName() + " "
                                + GradientCheck.class.getModule().getName() + " " + Main.class.getModule().getName()
                                + " passed=" + report.passed() + " parameters=" + report.size());
                        for (CheckObserver observer : ServiceLoader.load(CheckObserver.class)) {
                            System.out.println("observer " + observer.getClass().getName());
                        }
                    }
                }
                """);
        String modulePath = modulePath();
        Path classes = directory.resolve("classes");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", modulePath,
                "--module-source-path", sources.toString(), "--module", "org.example.gradients", "-Xlint:all",
                "-Xlint:-requires-automatic", "-Werror"));
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(new String[0])), "the module compiles");

        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path output = directory.resolve("output.txt");
        Process process = new ProcessBuilder(java.toString(), "--module-path",
                classes + File.pathSeparator + modulePath, "--add-modules", "ALL-MODULE-PATH",
                "--module", "org.example.gradients/org.example.gradients.Main").redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the module ran within 2 minutes");
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), printed);
        assertEquals("org.gradcheck.core org.gradcheck.junit org.example.gradients passed=true parameters=2\n"
                + "observer org.gradcheck.junit.SuiteReportObserver\n", printed);
    }

    /**
     * The jars of core, the extension and what they need: commons-math3, opentest4j, apiguardian and JUnit's, with
     * JSpecify's annotations where the JUnit line has them (JUnit 6's modules require them statically, which makes
     * them mandatory when a module that reads JUnit's is compiled).
     */
    private static String modulePath() throws IOException, URISyntaxException {
        List<Path> jars = new ArrayList<>();
        jars.add(existing(System.getProperty("gradcheck.it.coreJar")));
        jars.add(existing(System.getProperty("gradcheck.it.junitJar")));
        for (String className : List.of("org.apache.commons.math3.util.FastMath", "org.opentest4j.AssertionFailedError",
                "org.apiguardian.api.API", "org.junit.jupiter.api.Test", "org.junit.platform.commons.support.AnnotationSupport",
                "org.junit.platform.engine.TestEngine", "org.junit.platform.launcher.TestExecutionListener")) {
            jars.add(location(className));
        }
        if (ModulePathIntegrationTests.class.getClassLoader().getResource("org/jspecify/annotations/Nullable.class") != null) {
            jars.add(location("org.jspecify.annotations.Nullable"));
        }
        return jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path existing(String jar) {
        assertTrue(jar != null && Files.isRegularFile(Paths.get(jar)), "the failsafe configuration names a built jar: " + jar);
        return Paths.get(jar);
    }

    private static Path location(String className) throws URISyntaxException {
        try {
            Path path = Paths.get(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isRegularFile(path), className + " comes from a jar: " + path);
            return path;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is on the test class path", e);
        }
    }
}
