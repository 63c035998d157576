import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigFile, parseServerConfig, readTls, withConfigFile } from '../../../server/config';

const URL_OK = 'postgres://subventii_owner:secret@127.0.0.1:5432/subventii';

describe('the shared service configuration', () => {
  it('defaults to 127.0.0.1:8080, the web build in dist-web and plain HTTP', () => {
    expect(parseServerConfig({ DATABASE_URL: URL_OK })).toEqual({ ok: true, value: { databaseUrl: URL_OK, host: '127.0.0.1', port: 8080, staticDir: 'dist-web', allowedOrigins: ['app://subventii'] } });
  });

  it('takes the origins allowed to call the API (the desktop app\'s by default) and refuses what is not an origin', () => {
    expect(parseServerConfig({ DATABASE_URL: URL_OK, ALLOWED_ORIGINS: 'app://subventii, https://intranet.primarie.ro:8443' })).toMatchObject({ ok: true, value: { allowedOrigins: ['app://subventii', 'https://intranet.primarie.ro:8443'] } });
    const wrong = parseServerConfig({ DATABASE_URL: URL_OK, ALLOWED_ORIGINS: 'app://subventii,https://intranet.primarie.ro/cale' });
    expect(wrong).toMatchObject({ ok: false, problems: ['ALLOWED_ORIGINS: „https://intranet.primarie.ro/cale” nu este o origine (schemă://gazdă[:port], fără cale), de exemplu app://subventii.'] });
  });

  it('reports every problem at once, naming the variable, and hides the password', () => {
    const result = parseServerConfig({ DATABASE_URL: 'mysql://u:topsecret@h/db', PORT: '80a', TLS_CERT_FILE: '/etc/ssl/subventii.crt' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATABASE_URL trebuie să înceapă cu postgres:\/\//);
    expect(problems[0]).not.toContain('topsecret');
    expect(problems[1]).toBe('PORT nu este un port valid (0–65535): „80a”.');
    expect(problems[2]).toMatch(/lipsește TLS_KEY_FILE/);
    expect(parseServerConfig({}).ok).toBe(false);
  });

  it('takes both TLS files; a network address without them is allowed with a warning', () => {
    const tls = parseServerConfig({ DATABASE_URL: URL_OK, HOST: '0.0.0.0', PORT: '8443', TLS_CERT_FILE: ' a.crt ', TLS_KEY_FILE: 'a.key' });
    expect(tls).toMatchObject({ ok: true, value: { host: '0.0.0.0', port: 8443, tls: { certFile: 'a.crt', keyFile: 'a.key' } } });
    expect(tls.warnings).toBeUndefined();
    const plain = parseServerConfig({ DATABASE_URL: URL_OK, HOST: '10.0.0.5' });
    expect(plain.ok).toBe(true);
    expect(plain.warnings?.[0]).toMatch(/^Serviciul ascultă pe 10\.0\.0\.5 fără TLS/);
  });

  describe('reading the certificate', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tls-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names a missing file, and refuses a file that is not PEM', async () => {
      await expect(readTls({ certFile: path.join(dir, 'absent.crt'), keyFile: path.join(dir, 'absent.key') })).rejects.toThrow(/Nu pot citi certificatul TLS „.*absent\.crt”: ENOENT/);
      writeFileSync(path.join(dir, 'a.crt'), 'not a certificate');
      writeFileSync(path.join(dir, 'a.key'), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
      await expect(readTls({ certFile: path.join(dir, 'a.crt'), keyFile: path.join(dir, 'a.key') })).rejects.toThrow(/nu este un certificat PEM/);
    });
  });

  it('takes WEB_ROOT (STATIC_DIR still accepted) and a KEY=value CONFIG_FILE under the environment', () => {
    const web = parseServerConfig({ DATABASE_URL: URL_OK, WEB_ROOT: '/opt/subventii-ong/dist-web', STATIC_DIR: 'other' });
    expect(web.ok && web.value.staticDir).toBe('/opt/subventii-ong/dist-web');
    expect(parseConfigFile('# comentariu\nDATABASE_URL="postgres://a:b@h/d"\n\nPORT = 9443\r\nHOST=\'0.0.0.0\'\nfără egal\n')).toEqual({ DATABASE_URL: 'postgres://a:b@h/d', PORT: '9443', HOST: '0.0.0.0' });
    const files: Record<string, string> = { 'C:\\ProgramData\\SubventiiONG\\subventii-ong.env': `DATABASE_URL=${URL_OK}\nPORT=8443\nHOST=10.0.0.5\n` };
    const read = (file: string) => {
      if (file in files) return files[file]!;
      throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    };
    const merged = parseServerConfig(withConfigFile({ CONFIG_FILE: 'C:\\ProgramData\\SubventiiONG\\subventii-ong.env', PORT: '9000', HOST: '' }, read));
    expect(merged.ok && [merged.value.databaseUrl, merged.value.port, merged.value.host]).toEqual([URL_OK, 9000, '10.0.0.5']);
    expect(withConfigFile({ PORT: '1' }, read)).toEqual({ PORT: '1' });
    expect(() => withConfigFile({ CONFIG_FILE: '/lipsa.env' }, read)).toThrow('Nu pot citi fișierul de configurare CONFIG_FILE „/lipsa.env”: ENOENT.');
  });
});
