import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SaveCloseActions } from '../../../renderer/components/save-close-actions';
import { OfflineBanner, StatusDetails } from '../../../renderer/components/shared-mode/frame-parts';
import { ScreenTableProvider, SharedSessionProvider, useIsSharedMode, useWriteRefusal, type SharedModeSession, type SharedSession } from '../../../renderer/shared-session';
import { sharedSessionValue } from '../../../renderer/shared-session-value';

const session = (groups: string[], state: Partial<Parameters<typeof sharedSessionValue>[1]> = {}): SharedSession =>
  sharedSessionValue(
    { serverUrl: 'https://subventii.example.ro', isSameOrigin: false, signOut: async () => undefined },
    { login: 'financiar1', groups, status: 'connected', pendingDrafts: 0, refusedDrafts: [], ...state },
  );

function Refusal({ table }: { table: string }) {
  return <output>{useWriteRefusal(table) ?? 'permis'}</output>;
}

const render = (node: React.ReactNode, value?: SharedSession) =>
  renderToStaticMarkup(value ? <SharedSessionProvider value={value}>{node}</SharedSessionProvider> : node);

describe('useWriteRefusal', () => {
  it('refuses nothing in local mode (no provider: the default)', () => {
    expect(render(<Refusal table="organizations" />)).toBe('<output>permis</output>');
  });

  it('in shared mode answers the roles rule for the login\'s groups', () => {
    expect(render(<Refusal table="organizations" />, session(['finance']))).toBe('<output>Doar secretariatul sau administratorul aplicației pot modifica ONG-urile.</output>');
    expect(render(<Refusal table="payments" />, session(['finance']))).toBe('<output>permis</output>');
    expect(render(<Refusal table="organizations" />, session(['admin']))).toBe('<output>permis</output>');
  });
});

describe('useIsSharedMode', () => {
  function Mode() {
    return <output>{useIsSharedMode() ? 'partajat' : 'local'}</output>;
  }
  it('is local without a provider and shared under the shared-mode provider', () => {
    expect(render(<Mode />)).toBe('<output>local</output>');
    expect(render(<Mode />, session(['finance']))).toBe('<output>partajat</output>');
  });
});

describe('SaveCloseActions', () => {
  const actions = (props: { table?: string } = {}) => <SaveCloseActions onClose={() => undefined} onSave={() => undefined} {...props} />;
  const saveButton = (html: string) => /<button[^>]*>Salvează<\/button>/.exec(html)?.[0] ?? '';

  it('leaves the save button enabled in local mode', () => {
    const html = render(<ScreenTableProvider table="organizations">{actions()}</ScreenTableProvider>);
    expect(saveButton(html)).not.toContain('disabled');
  });

  it('disables the save button with the reason shown when the login may not change the screen\'s table', () => {
    const html = render(<ScreenTableProvider table="organizations">{actions()}</ScreenTableProvider>, session(['finance']));
    expect(saveButton(html)).toContain('disabled');
    expect(html).toContain('Doar secretariatul sau administratorul aplicației pot modifica ONG-urile.');
    expect(saveButton(html)).toMatch(/aria-describedby="[^"]+"/);
  });

  it('follows its own table over the screen\'s', () => {
    const html = render(<ScreenTableProvider table="organizations">{actions({ table: 'payments' })}</ScreenTableProvider>, session(['finance']));
    expect(saveButton(html)).not.toContain('disabled');
    expect(html).not.toContain('Doar ');
  });
});

describe('OfflineBanner', () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('shows nothing in local mode or while connected with no refused draft', () => {
    expect(render(<OfflineBanner />)).toBe('');
    expect(render(<OfflineBanner />, session(['monitoring']))).toBe('');
  });

  it('offline: says since when the data is, what can still be saved, and how many drafts wait', () => {
    const lastSyncAt = new Date(2027, 2, 4, 9, 5).toISOString();
    const html = text(render(<OfflineBanner />, session(['monitoring'], { status: 'offline', lastSyncAt, pendingDrafts: 2 })));
    expect(html).toContain('Serverul nu este disponibil. Datele afișate sunt cele de la ultima sincronizare (04.03.2027, 09:05); modificările nu pot fi salvate acum, în afară de ciornele vizitelor de monitorizare și ale fișelor de punctaj, care se trimit când serverul revine.');
    expect(html).toContain('2 ciorne așteaptă să fie trimise.');
    expect(html).toContain('Server indisponibil · 2 ciorne în așteptare');
  });

  it('lists the drafts the server refused, with its reason, also once connected', () => {
    const refusedDrafts = [{ table: 'visits', recordId: 'v9', refusal: 'Vizita a fost modificată între timp de „monitor2”.' }];
    const html = text(render(<OfflineBanner />, session(['monitoring'], { refusedDrafts })));
    expect(html).toContain('Ciorne refuzate de server');
    expect(html).toMatch(/\(v9\): Vizita a fost modificată între timp de „monitor2”\./);
    expect(html).not.toContain('Serverul nu este disponibil');
  });
});

describe('the status menu', () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('says how many audit entries arrived while the audit log still downloads in the background, and nothing once it is in', () => {
    const downloading = text(renderToStaticMarkup(<StatusDetails session={session(['finance'], { auditReceived: 25_000 }) as SharedModeSession} />));
    expect(downloading).toContain('Jurnalul modificărilor se descarcă: 25.000 de intrări primite');
    const done = text(renderToStaticMarkup(<StatusDetails session={session(['finance']) as SharedModeSession} />));
    expect(done).toContain('Ultima sincronizare');
    expect(done).not.toContain('Jurnalul modificărilor');
  });
});
