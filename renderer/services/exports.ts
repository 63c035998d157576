// Exports a screen asks for: read through the repositories, build the document model in src/,
// render it with the template (loaded on demand: exceljs and docx stay out of the start-up bundle)
// and hand the bytes to the platform's save dialog or download.
import { buildLicensedNgoList } from '../../src/documents/licensed-ngo-list';
import { todayIso } from '../../src/validation/dates';
import type { Store } from '../db/store';
import { datedFileName, FILTERS, saveFile } from '../platform/files';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'ro');

export async function exportCatalogXlsx(store: Store): Promise<boolean> {
  const [{ renderCatalogXlsx }, organizations] = await Promise.all([import('../../templates/xlsx/catalog'), store.organizations.list()]);
  const bytes = await renderCatalogXlsx(organizations.sort(byName));
  return saveFile(datedFileName('catalog-ong', 'xlsx', todayIso()), bytes, FILTERS.xlsx);
}

export async function exportRegisterXlsx(store: Store): Promise<boolean> {
  const [{ renderRegisterXlsx }, units, organizations, nomenclature] = await Promise.all([
    import('../../templates/xlsx/register'),
    store.units.list(),
    store.organizations.list(),
    store.nomenclature.list(),
  ]);
  const orgs = new Map(organizations.map((o) => [o.id, o]));
  const sorted = units.sort((a, b) => (orgs.get(a.organizationId)?.name ?? '').localeCompare(orgs.get(b.organizationId)?.name ?? '', 'ro') || byName(a, b));
  const bytes = await renderRegisterXlsx(sorted, orgs, nomenclature, todayIso());
  return saveFile(datedFileName('registru-unitati', 'xlsx', todayIso()), bytes, FILTERS.xlsx);
}

async function licensedListModel(store: Store) {
  const [organizations, units, nomenclature, institution] = await Promise.all([
    store.organizations.list(),
    store.units.list(),
    store.nomenclature.list(),
    store.settings.getInstitution(),
  ]);
  return buildLicensedNgoList({ organizations, units, nomenclature, institution, date: todayIso() });
}

export async function exportLicensedListDocx(store: Store): Promise<boolean> {
  const [{ renderLicensedNgoListDocx }, model] = await Promise.all([import('../../templates/docx/licensed-ngo-list'), licensedListModel(store)]);
  return saveFile(datedFileName('lista-ong-licentiate', 'docx', todayIso()), await renderLicensedNgoListDocx(model), FILTERS.docx);
}

export async function exportLicensedListXlsx(store: Store): Promise<boolean> {
  const [{ renderLicensedNgoListXlsx }, model] = await Promise.all([import('../../templates/xlsx/licensed-ngo-list'), licensedListModel(store)]);
  return saveFile(datedFileName('lista-ong-licentiate', 'xlsx', todayIso()), await renderLicensedNgoListXlsx(model), FILTERS.xlsx);
}
