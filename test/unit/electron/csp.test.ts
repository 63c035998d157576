import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyFor, developmentContentSecurityPolicy, withContentSecurityPolicy, withoutMetaContentSecurityPolicy } from '../../../electron/csp';
import { META_CONTENT_SECURITY_POLICY as RENDERER_META_POLICY } from '../../../vite.shared';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split('; ').map((directive) => {
    const [name = '', ...sources] = directive.split(' ');
    return [name, sources.join(' ')];
  }));
}

describe('Content-Security-Policy', () => {
  it('keeps the production policy the renderer has always shipped', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self' blob: data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('puts the same policy in the built index.html meta tag, without frame-ancestors (ignored and logged as an error in a meta tag)', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(RENDERER_META_POLICY);
    expect(header.get('frame-ancestors')).toBe("'none'");
    expect(meta.has('frame-ancestors')).toBe(false);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('allows no inline or remote scripts and no remote connections in production', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).not.toMatch(/https?:|wss?:/);
    expect(policy.get('object-src')).toBe("'none'");
  });

  it('relaxes only script-src (inline) and connect-src (the HMR WebSocket of the dev server) in development', () => {
    const production = directives(CONTENT_SECURITY_POLICY);
    const development = directives(developmentContentSecurityPolicy('http://localhost:5173'));
    expect(development.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(development.get('connect-src')).toBe("'self' blob: data: ws://localhost:5173");
    for (const [name, sources] of production) {
      if (name !== 'script-src' && name !== 'connect-src') expect(development.get(name)).toBe(sources);
    }
    expect([...development.keys()]).toEqual([...production.keys()]);
  });

  it('in shared mode adds the server\'s origin to connect-src only (the desktop app, also under the dev server)', () => {
    expect(contentSecurityPolicyFor()).toBe(CONTENT_SECURITY_POLICY);
    const shared = directives(contentSecurityPolicyFor('https://subventii.primaria.ro:8443'));
    expect(shared.get('connect-src')).toBe("'self' blob: data: https://subventii.primaria.ro:8443");
    const production = directives(CONTENT_SECURITY_POLICY);
    for (const [name, sources] of production) if (name !== 'connect-src') expect(shared.get(name)).toBe(sources);
    expect(directives(developmentContentSecurityPolicy('http://localhost:5173', 'https://s.example.ro')).get('connect-src')).toBe("'self' blob: data: https://s.example.ro ws://localhost:5173");
  });

  it('takes the meta policy out of a page (any quotes and casing), leaving the rest', () => {
    expect(withoutMetaContentSecurityPolicy('<head>\n<meta charset="UTF-8" />\n<META http-equiv=\'Content-Security-Policy\' content="default-src \'self\'">\n<title>t</title>')).toBe('<head>\n<meta charset="UTF-8" />\n<title>t</title>');
  });

  it('replaces any Content-Security-Policy response header, whatever its casing, and keeps the others', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ["default-src *"], 'CONTENT-SECURITY-POLICY': 'script-src *', 'Content-Type': 'text/html' },
      CONTENT_SECURITY_POLICY,
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
