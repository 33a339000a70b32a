/**
 * Examples of GradCheck: the gradient-checking article's L-layer network written from scratch in Java, the
 * cat-vs-non-cat images it is checked on, a softmax classifier, a commons-math3 objective and the demo program.
 */
package org.gradcheck.examples;
