import { startService } from './service';

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
