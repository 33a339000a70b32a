package org.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.gradcheck.report.CheckObserver;
import org.gradcheck.report.GradientReport;

/** The {@link CheckObserver}s registered with {@link ServiceLoader}, loaded once, and their notification. */
final class CheckObservers {

    private CheckObservers() {
    }

    /** Tells every registered observer that a check completed with {@code report}. */
    static void finished(GradientReport report) {
        for (CheckObserver observer : Holder.OBSERVERS) {
            observer.finished(report);
        }
    }

    /** Loads the observers on first use, with the class loader that loaded the checker. */
    private static final class Holder {

        static final List<CheckObserver> OBSERVERS = load();

        private static List<CheckObserver> load() {
            List<CheckObserver> observers = new ArrayList<>();
            for (CheckObserver observer : ServiceLoader.load(CheckObserver.class, CheckObservers.class.getClassLoader())) {
                observers.add(observer);
            }
            return List.copyOf(observers);
        }
    }
}
