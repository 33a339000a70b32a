/**
 * JMH benchmarks of the checker against the functions it checks; run by {@code mvn -B -q -Pbenchmarks -DskipTests verify}.
 */
package org.gradcheck.examples.benchmarks;
