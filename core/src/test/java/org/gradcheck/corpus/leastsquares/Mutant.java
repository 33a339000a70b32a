package org.gradcheck.corpus.leastsquares;

import java.util.ArrayList;
import java.util.List;

/**
 * A wrong Jacobian made from a correct one at a corpus point, the way a person writing it by hand gets it wrong,
 * with what the exact Jacobian says of it: whether it is wrong at all, and whether finite differences can resolve
 * the difference ({@link Resolution}). The same for the gradient {@code M^T r} it gives the objective
 * {@code 1/2 ||r||^2}.
 */
final class Mutant {

    /** A mutant is wrong when an entry differs from the exact one by more than this, relative to the entry... */
    static final double WRONG_RELATIVE = 1e-6;

    /** ... and by more than this relative to the largest exact entry of its row. */
    static final double WRONG_ROW_RELATIVE = 1e-12;

    /** The kinds of mistakes. */
    enum Kind {
        SIGN_FLIPPED("one entry with the wrong sign"),
        DOUBLED("one entry twice too large"),
        HALVED("one entry half what it should be"),
        ZEROED("one entry left zero"),
        SWAPPED_IN_ROW("two entries of a row swapped"),
        SWAPPED_IN_COLUMN("two entries of a column swapped"),
        COLUMN_SIGN("a whole column with the wrong sign"),
        ROW_FACTOR("a whole row twice too large"),
        ALGEBRA_SLIP("an algebra slip");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private final CheckPoint point;
    private final Kind kind;
    private final String description;
    private final double[][] jacobian;
    private final List<int[]> mutatedEntries = new ArrayList<>();
    private final List<int[]> resolvableEntries = new ArrayList<>();
    private final boolean wrong;
    private final double[] gradient;
    private final boolean gradientWrong;
    private final List<Integer> resolvableGradientEntries = new ArrayList<>();

    Mutant(CheckPoint point, Kind kind, String description, double[][] jacobian) {
        this.point = point;
        this.kind = kind;
        this.description = description;
        this.jacobian = CheckPoint.copy(jacobian);
        boolean anyWrong = false;
        for (int i = 0; i < point.rows(); i++) {
            double rowScale = point.rowScale(i);
            for (int j = 0; j < point.columns(); j++) {
                double exact = point.exactJacobian(i, j);
                double difference = jacobian[i][j] - exact;
                if (jacobian[i][j] != point.jacobian(i, j)) {
                    mutatedEntries.add(new int[] {i, j});
                }
                double magnitude = Math.max(Math.abs(jacobian[i][j]), Math.abs(exact));
                if (Math.abs(difference) > WRONG_RELATIVE * magnitude && Math.abs(difference) > WRONG_ROW_RELATIVE * rowScale) {
                    anyWrong = true;
                    if (Resolution.resolvable(difference, magnitude, point.bestError(i, j))) {
                        resolvableEntries.add(new int[] {i, j});
                    }
                }
            }
        }
        this.wrong = anyWrong;
        this.gradient = CheckPoint.transposedProduct(jacobian, point.residuals());
        double[] exactGradient = point.exactGradient();
        double scale = 0;
        for (double entry : exactGradient) {
            scale = Math.max(scale, Math.abs(entry));
        }
        boolean anyGradientWrong = false;
        for (int j = 0; j < gradient.length; j++) {
            double difference = gradient[j] - exactGradient[j];
            double magnitude = Math.max(Math.abs(gradient[j]), Math.abs(exactGradient[j]));
            if (Math.abs(difference) > WRONG_RELATIVE * magnitude && Math.abs(difference) > WRONG_ROW_RELATIVE * scale) {
                anyGradientWrong = true;
                if (Resolution.resolvable(difference, magnitude, point.objectiveBestError(j))) {
                    resolvableGradientEntries.add(j);
                }
            }
        }
        this.gradientWrong = anyGradientWrong;
    }

    CheckPoint point() {
        return point;
    }

    Kind kind() {
        return kind;
    }

    /** {@code "one entry with the wrong sign: y[3] / x[1]"}. */
    String description() {
        return description;
    }

    /** The mutated Jacobian. */
    double[][] jacobian() {
        return CheckPoint.copy(jacobian);
    }

    double jacobian(int i, int j) {
        return jacobian[i][j];
    }

    /** The entries {@code {i, j}} that differ from the hand-written Jacobian. */
    List<int[]> mutatedEntries() {
        return mutatedEntries;
    }

    /** Whether some entry differs from the exact one by more than the thresholds: only such mutants are kept. */
    boolean wrong() {
        return wrong;
    }

    /** The wrong entries whose difference finite differences can resolve. */
    List<int[]> resolvableEntries() {
        return resolvableEntries;
    }

    boolean resolvable() {
        return !resolvableEntries.isEmpty();
    }

    boolean isMutated(int i, int j) {
        return jacobian[i][j] != point.jacobian(i, j);
    }

    /** {@code M^T r}. */
    double[] gradient() {
        return gradient.clone();
    }

    /** Whether the gradient {@code M^T r} is wrong by the same thresholds (a mutated row with zero residual is not). */
    boolean gradientWrong() {
        return gradientWrong;
    }

    /** The gradient entries whose difference finite differences of the objective can resolve. */
    List<Integer> resolvableGradientEntries() {
        return resolvableGradientEntries;
    }

    boolean gradientResolvable() {
        return !resolvableGradientEntries.isEmpty();
    }

    String name() {
        return point.name() + ": " + description;
    }

    @Override
    public String toString() {
        return name();
    }
}
