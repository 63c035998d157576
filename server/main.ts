import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { migrate } from './migrate';
import { startService } from './service';
import { uploadBackup } from './upload';

/** `npm run server -- upload copie.json`: a workstation's backup into the empty server, as the schema's owner. */
async function upload(databaseUrl: string, file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await migrate(client);
    const report = await uploadBackup(client, text);
    console.log(`Baza locală a fost încărcată pe server (${report.auditEntries} intrări din jurnalul modificărilor păstrate):`);
    for (const c of report.counts) console.log(`  ${c.label}: ${c.count}`);
  } finally {
    await client.end();
  }
}

/**
 * `npm run server`: the shared-mode service. DATABASE_URL names the database and the role that
 * owns the schema (used to apply the migrations and to listen for changes); HOST (127.0.0.1 by
 * default), PORT (8080), STATIC_DIR (dist-web) are optional.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    console.error('Lipsește DATABASE_URL (de exemplu postgres://subventii_owner:parola@127.0.0.1:5432/subventii). Vedeți README, „Mod partajat (server)”.');
    process.exit(2);
  }
  if (process.argv[2] === 'upload') {
    if (!process.argv[3]) {
      console.error('Scrieți fișierul copiei de siguranță: npm run server -- upload copie.json');
      process.exit(2);
    }
    return upload(databaseUrl, process.argv[3]);
  }
  const port = Number(process.env['PORT'] ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT nu este un port valid: ${process.env['PORT']}`);
    process.exit(2);
  }
  const service = await startService({ databaseUrl, host: process.env['HOST'] || '127.0.0.1', port, staticDir: process.env['STATIC_DIR'] || 'dist-web' });
  console.log(`Subvenții ONG — serviciul partajat ascultă pe ${service.url}`);
  const stop = () => {
    service.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
