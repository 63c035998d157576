// The browser benchmarks seed their data through the app's own restore; a seed the checks refuse
// would leave every benchmark waiting on an empty screen.
import { expect, it } from 'vitest';
import { seedBackupText } from '../../../bench/web/seed-data';
import { freshStore } from '../db/helpers';
it('the browser benchmarks seed a backup the app accepts: every table present, every record valid', async () => {
  const store = await freshStore();
  for (const size of [{ organizations: 200 }, { organizations: 200, roundRequests: 50 }, { organizations: 200, commissionRequests: 30 }]) {
    const text = await seedBackupText(size as never);
    const preview = await store.backup.preview(text);
    expect(preview.plan.length).toBeGreaterThan(0);
  }
});
