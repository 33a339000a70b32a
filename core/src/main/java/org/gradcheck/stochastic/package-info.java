/**
 * Checking stochastic functions (dropout, sampled noise): a hook that resets the function's randomness before
 * every evaluation, so that every evaluation sees the same random draws and the function can be checked.
 */
package org.gradcheck.stochastic;
