/**
 * Roll-up of named parameter blocks ({@code W1}, {@code b1}, ...) into one flat vector and back, with a readable name
 * for every coordinate ({@code W1[2,3]}), and the views models read their parameters through.
 *
 * <p>Depends on nothing else of GradCheck; every other package may depend on it.
 */
package org.gradcheck.layout;
