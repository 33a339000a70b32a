/**
 * GradCheck's core: the checker and its options ({@code org.gradcheck}), the functions it checks
 * ({@code org.gradcheck.function}), the names of their parameters ({@code org.gradcheck.layout}) and the reports it
 * returns ({@code org.gradcheck.report}). The engine that judges entries ({@code org.gradcheck.engine}) is not
 * exported.
 *
 * <p>commons-math3, whose functions and least-squares problems the adapters of {@code org.gradcheck.function} accept,
 * has no module name of its own; it is read under the name its jar gives it, {@code commons.math3}, which cannot
 * change: 3.6.1 (2016) is the last release of that line.
 */
module org.gradcheck.core {
    requires static transitive org.apiguardian.api;
    requires transitive org.opentest4j;
    requires transitive commons.math3;

    exports org.gradcheck;
    exports org.gradcheck.function;
    exports org.gradcheck.layout;
    exports org.gradcheck.report;

    uses org.gradcheck.report.CheckObserver;
}
