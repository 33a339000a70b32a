package org.gradcheck.corpus.leastsquares;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The least-squares corpus: every problem of {@link MoreGarbowHillstrom}, {@link MoreGarbowHillstromScalable} and
 * {@link NistModels} at each of its points (the correct checks), and the mutants of each point's Jacobian that are
 * {@linkplain Mutant#wrong() wrong} (the others are counted and dropped). Built once per JVM, deterministically.
 */
final class LeastSquaresCorpus {

    private static final LeastSquaresCorpus INSTANCE = new LeastSquaresCorpus();

    private final List<LeastSquaresProblem> problems;
    private final List<CheckPoint> checks = new ArrayList<>();
    private final List<String> excludedPoints = new ArrayList<>();
    private final List<Mutant> mutants = new ArrayList<>();
    private int droppedMutants;

    private LeastSquaresCorpus() {
        List<LeastSquaresProblem> all = new ArrayList<>(MoreGarbowHillstrom.problems());
        all.addAll(MoreGarbowHillstromScalable.problems());
        all.addAll(NistModels.problems());
        problems = Collections.unmodifiableList(all);
        for (LeastSquaresProblem problem : problems) {
            for (LeastSquaresProblem.Point point : problem.points()) {
                CheckPoint check = CheckPoint.at(problem, point);
                if (check == null) {
                    excludedPoints.add(problem.name() + " at " + point.label());
                    continue;
                }
                checks.add(check);
                for (Mutant mutant : Mutations.of(check)) {
                    if (mutant.wrong()) {
                        mutants.add(mutant);
                    } else {
                        droppedMutants++;
                    }
                }
            }
        }
    }

    static LeastSquaresCorpus get() {
        return INSTANCE;
    }

    List<LeastSquaresProblem> problems() {
        return problems;
    }

    /** The correct checks: each problem at each of its finite points, with its hand-written Jacobian. */
    List<CheckPoint> checks() {
        return Collections.unmodifiableList(checks);
    }

    /** The points left out because a residual or Jacobian entry is not finite, or the objective overflows there. */
    List<String> excludedPoints() {
        return Collections.unmodifiableList(excludedPoints);
    }

    /** The mutants, every one verified wrong against the exact Jacobian. */
    List<Mutant> mutants() {
        return Collections.unmodifiableList(mutants);
    }

    /** How many mutants were made but not kept, because they were not wrong by the thresholds. */
    int droppedMutants() {
        return droppedMutants;
    }
}
