/**
 * Results of a gradient check (per parameter, per block, overall) and their rendering as text.
 */
package org.gradcheck.report;
