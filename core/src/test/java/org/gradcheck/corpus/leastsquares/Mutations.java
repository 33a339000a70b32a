package org.gradcheck.corpus.leastsquares;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the mutants of a corpus point: one of each {@link Mutant.Kind}, the entries chosen by a generator seeded
 * from the point's name. The single-entry kinds take their columns in turn (so that every parameter, tiny and
 * sensitive ones included, gets mutants) and a row at random among the non-zero entries of that column. A kind that
 * finds nothing to change (a zero column, a row whose entries are all equal) makes no mutant; mutants that are not
 * {@linkplain Mutant#wrong() wrong} are dropped by the corpus.
 */
final class Mutations {

    private Mutations() {
    }

    static List<Mutant> of(CheckPoint point) {
        Random random = new Random(point.name().hashCode());
        int m = point.rows();
        int n = point.columns();
        List<Mutant> mutants = new ArrayList<>();
        int column = random.nextInt(n);
        for (Mutant.Kind kind : new Mutant.Kind[] {Mutant.Kind.SIGN_FLIPPED, Mutant.Kind.DOUBLED, Mutant.Kind.HALVED,
            Mutant.Kind.ZEROED}) {
            column = (column + 1) % n;
            int row = nonZeroRow(point, column, random);
            if (row < 0) {
                continue;
            }
            double[][] jacobian = point.jacobian();
            double entry = jacobian[row][column];
            jacobian[row][column] = switch (kind) {
                case SIGN_FLIPPED -> -entry;
                case DOUBLED -> 2 * entry;
                case HALVED -> entry / 2;
                default -> 0;
            };
            mutants.add(new Mutant(point, kind, kind.description() + ": " + entryName(row, column), jacobian));
        }
        if (n >= 2) {
            int row = random.nextInt(m);
            int first = random.nextInt(n);
            int second = (first + 1 + random.nextInt(n - 1)) % n;
            for (int attempt = 0; attempt < 2 * m && point.jacobian(row, first) == point.jacobian(row, second); attempt++) {
                row = random.nextInt(m);
            }
            if (point.jacobian(row, first) != point.jacobian(row, second)) {
                double[][] jacobian = point.jacobian();
                jacobian[row][first] = point.jacobian(row, second);
                jacobian[row][second] = point.jacobian(row, first);
                mutants.add(new Mutant(point, Mutant.Kind.SWAPPED_IN_ROW, Mutant.Kind.SWAPPED_IN_ROW.description() + ": "
                        + entryName(row, first) + " and " + entryName(row, second), jacobian));
            }
        }
        if (m >= 2) {
            int col = random.nextInt(n);
            int first = random.nextInt(m);
            int second = (first + 1 + random.nextInt(m - 1)) % m;
            for (int attempt = 0; attempt < 2 * n && point.jacobian(first, col) == point.jacobian(second, col); attempt++) {
                col = random.nextInt(n);
            }
            if (point.jacobian(first, col) != point.jacobian(second, col)) {
                double[][] jacobian = point.jacobian();
                jacobian[first][col] = point.jacobian(second, col);
                jacobian[second][col] = point.jacobian(first, col);
                mutants.add(new Mutant(point, Mutant.Kind.SWAPPED_IN_COLUMN, Mutant.Kind.SWAPPED_IN_COLUMN.description()
                        + ": " + entryName(first, col) + " and " + entryName(second, col), jacobian));
            }
        }
        column = (column + 1) % n;
        if (nonZeroRow(point, column, random) >= 0) {
            double[][] jacobian = point.jacobian();
            for (double[] row : jacobian) {
                row[column] = -row[column];
            }
            mutants.add(new Mutant(point, Mutant.Kind.COLUMN_SIGN, Mutant.Kind.COLUMN_SIGN.description() + ": x["
                    + column + "]", jacobian));
        }
        int row = random.nextInt(m);
        double[][] rowFactor = point.jacobian();
        for (int j = 0; j < n; j++) {
            rowFactor[row][j] *= 2;
        }
        mutants.add(new Mutant(point, Mutant.Kind.ROW_FACTOR, Mutant.Kind.ROW_FACTOR.description() + ": y[" + row + "]",
                rowFactor));
        double[][] slip = point.problem().slip(point.x());
        if (slip != null) {
            mutants.add(new Mutant(point, Mutant.Kind.ALGEBRA_SLIP, Mutant.Kind.ALGEBRA_SLIP.description() + ": "
                    + point.problem().slipDescription(), slip));
        }
        return mutants;
    }

    /** A row whose entry in {@code column} is not zero, at random; -1 if the column is zero. */
    private static int nonZeroRow(CheckPoint point, int column, Random random) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < point.rows(); i++) {
            if (point.jacobian(i, column) != 0) {
                rows.add(i);
            }
        }
        return rows.isEmpty() ? -1 : rows.get(random.nextInt(rows.size()));
    }

    static String entryName(int row, int column) {
        return "y[" + row + "] / x[" + column + "]";
    }
}
