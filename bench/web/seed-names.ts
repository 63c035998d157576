// The names of the benchmark rounds, shared by the seed generator and the benchmarks.
export const REQUESTS_ROUND = 'Runda benchmark cereri';
export const COMMISSION_ROUND = 'Runda benchmark comisie';
