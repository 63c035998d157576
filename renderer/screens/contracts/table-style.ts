/** Amounts ("137.000,00 lei") stay on one line in the contracts' tables. */
export const NOWRAP_AMOUNTS = { '& .MuiTableCell-alignRight': { whiteSpace: 'nowrap' } } as const;
