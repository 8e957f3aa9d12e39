/** Two-sided 95 % normal quantile, used for every interval and test in this package. */
export const Z_95 = 1.96;
