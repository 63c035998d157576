import costStandards from './data/cost-standards-hg-426-2020.json';
import eligibleExpenses from './data/eligible-expenses.json';
import hcl788 from './data/hcl-788-2022.json';
import nationalLevels from './data/national-levels-hg-1153.json';
import upkeepCost from './data/upkeep-cost-law-34.json';
import { parseParameterFiles, type ParameterFile } from './schema';
import { createParameterStore, type ParameterStore } from './store';
import type { ParameterDefinition, ParameterValue } from './types';

export { checkParameterFiles, parseParameterFiles, ShippedParametersError, type ParameterFile } from './schema';

/** The parameter files shipped with the app (JSON, readable by users and maintainers). */
export const SHIPPED_PARAMETER_FILES: readonly ParameterFile[] = [
  { name: 'national-levels-hg-1153.json', data: nationalLevels },
  { name: 'hcl-788-2022.json', data: hcl788 },
  { name: 'eligible-expenses.json', data: eligibleExpenses },
  { name: 'cost-standards-hg-426-2020.json', data: costStandards },
  { name: 'upkeep-cost-law-34.json', data: upkeepCost },
];

// Checked when the module loads: a broken data file stops the app with the list of bad entries
// instead of producing wrong subsidies later.
const shipped = parseParameterFiles(SHIPPED_PARAMETER_FILES);

export const SHIPPED_PARAMETER_DEFINITIONS: readonly ParameterDefinition[] = shipped.definitions;
export const SHIPPED_PARAMETER_VALUES: readonly ParameterValue[] = shipped.values;

/** The store over the shipped parameters, with the user's own values (from the database) merged over them. */
export function createShippedParameterStore(userValues: readonly ParameterValue[] = []): ParameterStore {
  return createParameterStore(SHIPPED_PARAMETER_DEFINITIONS, SHIPPED_PARAMETER_VALUES, userValues);
}
