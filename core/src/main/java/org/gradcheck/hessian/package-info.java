/**
 * Second derivatives: a user's Hessian or Hessian-vector product checked against central differences of the
 * user's gradient, with the Jacobian check's per-entry report, decision rule and error estimates.
 */
package org.gradcheck.hessian;
