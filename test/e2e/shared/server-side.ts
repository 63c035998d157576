// The service's own modules the harness runs in the Playwright process. They use Vite features
// (the SQL migrations are `import.meta.glob` ?raw imports, src/ imports JSON), so harness.ts loads
// this file through Vite's module runner (runnerImport), never with a plain import.
export { startService, type RunningService } from '../../../server/service';
export { migrate } from '../../../server/migrate';
export { uploadBackup } from '../../../server/upload';
