import { describe, expect, it } from 'vitest';
import { validateServerAddress } from '../../../src/shared/server-address';
import { checkServer, workstationServer, SERVER_STORAGE_KEY } from '../../../renderer/db/shared/workstation';

describe('the server address setting', () => {
  it('accepts https:// anywhere and answers the origin alone', () => {
    expect(validateServerAddress(' https://subventii.primariaclujnapoca.ro:8443/ ')).toEqual({ ok: true, url: 'https://subventii.primariaclujnapoca.ro:8443' });
    expect(validateServerAddress('https://10.0.0.5')).toEqual({ ok: true, url: 'https://10.0.0.5' });
  });

  it('accepts plain http:// only on this computer', () => {
    expect(validateServerAddress('http://127.0.0.1:8080')).toEqual({ ok: true, url: 'http://127.0.0.1:8080' });
    expect(validateServerAddress('http://localhost:8080')).toEqual({ ok: true, url: 'http://localhost:8080' });
    const lan = validateServerAddress('http://10.0.0.5:8080');
    expect(lan).toMatchObject({ ok: false, message: expect.stringContaining('folosiți https://') });
  });

  it('refuses what is not a server address, saying why', () => {
    expect(validateServerAddress('')).toMatchObject({ ok: false, message: expect.stringContaining('Scrieți adresa serverului') });
    expect(validateServerAddress('subventii.primaria.ro')).toMatchObject({ ok: false, message: expect.stringContaining('cu https:// în față') });
    expect(validateServerAddress('ftp://subventii.primaria.ro')).toMatchObject({ ok: false, message: 'Adresa serverului trebuie să înceapă cu https://.' });
    expect(validateServerAddress('https://maria:parola@subventii.primaria.ro')).toMatchObject({ ok: false, message: expect.stringContaining('utilizatorul sau parola') });
    expect(validateServerAddress('https://subventii.primaria.ro/api')).toMatchObject({ ok: false, message: expect.stringContaining('fără cale') });
  });
});

describe('the workstation mode', () => {
  const doc = (meta?: string) => ({ querySelector: (s: string) => (meta && s.includes('subventii-server') ? ({ getAttribute: () => meta } as unknown as Element) : null) });
  const storage = (value?: string) => ({ getItem: (k: string) => (k === SERVER_STORAGE_KEY ? (value ?? null) : null) });

  it('is local with neither a configured server nor the server page', () => {
    expect(workstationServer(doc(), storage(), 'app://subventii')).toBeUndefined();
  });

  it('is the configured server, or the page\'s own origin when the service served it', () => {
    expect(workstationServer(doc(), storage('https://s.example.ro:8443/'), 'app://subventii')).toEqual({ serverUrl: 'https://s.example.ro:8443', isSameOrigin: false });
    expect(workstationServer(doc('same-origin'), storage('https://alt.example.ro'), 'https://s.example.ro')).toEqual({ serverUrl: 'https://s.example.ro', isSameOrigin: true });
  });

  it('checks the connection: the schema version, or the Romanian reason', async () => {
    const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
    expect(await checkServer('https://s.example.ro', answer(200, { service: 'subventii-ong', schemaVersion: 5 }))).toEqual({ ok: true, schemaVersion: 5 });
    expect(await checkServer('https://s.example.ro', answer(404, { nope: true }))).toMatchObject({ ok: false, message: expect.stringContaining('altceva decât serviciul Subvenții ONG (cod 404)') });
    const down = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await checkServer('https://s.example.ro', down)).toMatchObject({ ok: false, message: expect.stringContaining('nu poate fi contactat') });
  });
});
