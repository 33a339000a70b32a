/**
 * Data sets that gradient checks draw examples from: {@link org.gradcheck.data.ExampleSet} turns a choice of
 * example indices into the batch a model is checked on.
 */
package org.gradcheck.data;
