package org.gradcheck.engine;

import org.gradcheck.report.DerivativeForm;

/**
 * The matrix a Jacobian report is about, as its text names it and its derivative forms: a vector function's Jacobian
 * {@code J}; a Hessian {@code H}, the Jacobian of the gradient; or Hessian-vector products {@code H v_k} along seeded
 * directions {@code v[k]}, the Jacobian of the gradient along them.
 */
enum CheckedMatrix {

    /** A vector function's Jacobian: rows are outputs, columns inputs. */
    JACOBIAN("Jacobian", "J", "output", "input", "Jacobian", "vector-Jacobian product", "Jacobian-vector product"),

    /** A Hessian: rows are the gradient's entries ({@code dx[i]}), columns inputs. */
    HESSIAN("Hessian", "H", "gradient entry", "input", "Hessian", "vector-Hessian product",
            "Hessian-vector product"),

    /** Hessian-vector products: rows are the gradient's entries, columns the directions ({@code v[k]}). */
    HESSIAN_PRODUCTS("Hessian", "H", "gradient entry", "direction", "Hessian-vector products", "", "");

    /** The report's title: {@code Jacobian check failed: ...}. */
    final String title;
    /** The matrix in formulas: {@code J}, {@code H}. */
    final String symbol;
    /** What a row is. */
    private final String row;
    /** What a column is. */
    private final String column;
    private final String full;
    private final String backward;
    private final String forward;

    CheckedMatrix(String title, String symbol, String row, String column, String full, String backward,
            String forward) {
        this.title = title;
        this.symbol = symbol;
        this.row = row;
        this.column = column;
        this.full = full;
        this.backward = backward;
        this.forward = forward;
    }

    /** {@return the shape: {@code 2 outputs x 1 input}, {@code 4 gradient entries x 3 directions}} */
    String shape(int rows, int columns) {
        return count(rows, row) + " x " + count(columns, column);
    }

    private static String count(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun + "s");
    }

    /** {@return the analytic derivative, as messages name it: {@code the analytic Hessian}} */
    String derivative() {
        return "the analytic " + full;
    }

    /** {@return {@code form} in words: {@code Hessian-vector product} for the forward form of a Hessian} */
    String describe(DerivativeForm form) {
        switch (form) {
            case JACOBIAN:
                return full;
            case VECTOR_JACOBIAN_PRODUCT:
                return backward;
            default:
                return forward;
        }
    }

    /** {@return {@code form} as a formula in this matrix's symbol: {@code J}, {@code J^T u}, {@code H v}} */
    String formula(DerivativeForm form) {
        return form.symbol().replace("J", symbol);
    }
}
