/**
 * GradCheck's JUnit Jupiter extension: {@code @GradientCheck} tests with drawn, reproducible examples
 * ({@code org.gradcheck.junit}), and the suite report, written by a launcher listener and fed by a check observer.
 */
module org.gradcheck.junit {
    requires static transitive org.apiguardian.api;
    requires transitive org.gradcheck.core;
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;
    requires org.junit.platform.engine;
    // the suite report's listener is a launcher service, so the launcher is read; tests always run in one
    requires org.junit.platform.launcher;

    exports org.gradcheck.junit;
    // JUnit instantiates the extension, which is not public, reflectively
    opens org.gradcheck.junit to org.junit.platform.commons;

    provides org.junit.platform.launcher.TestExecutionListener with org.gradcheck.junit.SuiteReportListener;
    provides org.gradcheck.report.CheckObserver with org.gradcheck.junit.SuiteReportObserver;
}
