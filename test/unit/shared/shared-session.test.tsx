import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SaveCloseActions } from '../../../renderer/components/save-close-actions';
import { ScreenTableProvider, SharedSessionContext, useWriteRefusal, type SharedSession } from '../../../renderer/shared-session';
import { sharedSessionValue } from '../../../renderer/shared-session-value';

const session = (groups: string[]): SharedSession =>
  sharedSessionValue(
    { serverUrl: 'https://subventii.example.ro', isSameOrigin: false, signOut: async () => undefined },
    { login: 'financiar1', groups, status: 'connected', pendingDrafts: 0, refusedDrafts: [] },
  );

function Refusal({ table }: { table: string }) {
  return <output>{useWriteRefusal(table) ?? 'permis'}</output>;
}

const render = (node: React.ReactNode, value?: SharedSession) =>
  renderToStaticMarkup(value ? <SharedSessionContext.Provider value={value}>{node}</SharedSessionContext.Provider> : node);

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
