// Quick search over 20,000 NGOs, typed one keystroke at a time: our diacritics-insensitive,
// multi-word catalog filter against a plain Array.filter with toLowerCase().includes().
import { it } from 'vitest';
import { EMPTY_CATALOG_FILTER, filterCatalog } from '../src/catalog/catalog-filter';
import { organizationSearchText, type Organization } from '../src/catalog/organization';
import { generateDemoData } from '../src/demo/demo-data';
import { fastest, printRatio } from './report';

const COUNT = 20_000;

it(`quick search over ${COUNT.toLocaleString('ro-RO')} NGOs`, async () => {
  const rows: (Organization & { searchText: string })[] = [];
  for (let seed = 1; rows.length < COUNT; seed++) {
    for (const org of generateDemoData({ today: '2026-11-23', seed }).organizations) {
      if (rows.length < COUNT) rows.push({ ...org, searchText: organizationSearchText(org) });
    }
  }
  const typed = 'asociatia sansa cluj';
  const keystrokes = Array.from({ length: typed.length }, (_, i) => typed.slice(0, i + 1));

  const oursMs = await fastest(() => {
    for (const q of keystrokes) filterCatalog(rows, { ...EMPTY_CATALOG_FILTER, query: q });
  });
  const bareMs = await fastest(() => {
    for (const q of keystrokes) rows.filter((r) => r.name.toLowerCase().includes(q));
  });
  printRatio(
    `Căutare rapidă, ${COUNT} ONG-uri, ${keystrokes.length} taste`,
    { label: 'ours: filterCatalog per keystroke (ms per keystroke)', ms: oursMs / keystrokes.length },
    { label: 'bare: Array.filter + toLowerCase().includes (per keystroke)', ms: bareMs / keystrokes.length },
    'under 50 ms per keystroke',
  );
});
