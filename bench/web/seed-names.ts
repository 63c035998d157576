// The names of the benchmark rounds, shared by the seed generator and the benchmarks.
export const REQUESTS_ROUND = 'Runda benchmark cereri';
export const COMMISSION_ROUND = 'Runda benchmark comisie';
/** A round with no requests (SeedSize.emptyRound): one more round opened between the others. */
export const EMPTY_ROUND = 'Runda benchmark fără cereri';
