/**
 * Roll-up of named parameter blocks ({@code W1}, {@code b1}, ...) into one flat vector and back, with a
 * readable name for every coordinate ({@code W1[2,3]}).
 */
package org.gradcheck.layout;
