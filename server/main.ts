import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { parseServerConfig, readTls, withConfigFile } from './config';
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
    if (report.upgradedFrom) console.log(`Copia avea schema versiunea ${report.upgradedFrom.schemaVersion}; a fost adusă la zi: ${report.upgradedFrom.steps.join('; ')}.`);
    console.log(`Baza locală a fost încărcată pe server (${report.auditEntries} intrări din jurnalul modificărilor păstrate):`);
    for (const c of report.counts) console.log(`  ${c.label}: ${c.count}`);
  } finally {
    await client.end();
  }
}

/**
 * `npm run server`: the shared-mode service. DATABASE_URL names the database and the role that
 * owns the schema (used to apply the migrations and to listen for changes); HOST (127.0.0.1 by
 * default), PORT (8080), WEB_ROOT or STATIC_DIR (dist-web), TLS_CERT_FILE and TLS_KEY_FILE (HTTPS)
 * are optional, from the environment or the KEY=value file named by CONFIG_FILE. Every problem of the configuration is reported before anything starts.
 */
async function main(): Promise<void> {
  const config = parseServerConfig(withConfigFile(process.env));
  if (!config.ok) {
    for (const problem of config.problems) console.error(problem);
    console.error('Vedeți README, „Server partajat — instalare în producție”.');
    process.exit(2);
  }
  for (const warning of config.warnings ?? []) console.warn(warning);
  const { databaseUrl, host, port, staticDir, tls, allowedOrigins } = config.value;
  if (process.argv[2] === 'upload') {
    if (!process.argv[3]) {
      console.error('Scrieți fișierul copiei de siguranță: npm run server -- upload copie.json');
      process.exit(2);
    }
    return upload(databaseUrl, process.argv[3]);
  }
  const service = await startService({ databaseUrl, host, port, staticDir, allowedOrigins, ...(tls ? { tls: await readTls(tls) } : {}) });
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
