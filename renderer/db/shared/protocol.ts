import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import type { Command as SharedCommand, ServerRow as SharedRow } from '../../../src/shared/wire';
import type { FieldErrors } from '../../../src/validation/result';

/** One write as the server's /api/command takes it, and a row as the server stores it and the change feed delivers it. */
export type { Command as SharedCommand, ServerRow as SharedRow } from '../../../src/shared/wire';

/** How the workstation talks to the server: the batch command (one repository transaction). */
export interface SharedTransport {
  send(ops: SharedCommand[]): Promise<SharedRow[]>;
}

export const OFFLINE_MESSAGE = 'Serverul nu este disponibil; modificările nu pot fi salvate acum.';

/** The server is unreachable: nothing was written (the replica is read-only until it is back). */
export class ServerUnavailableError extends DomainError {
  override name = 'ServerUnavailableError';
  constructor(message = OFFLINE_MESSAGE) {
    super(message);
  }
}

/** The server's refusal turned into the errors the screens already show (conflict, field errors, message). */
export function refusalError(status: number, body: { error?: { kind?: string; message?: string; fields?: FieldErrors } }): Error {
  const message = body.error?.message ?? `Serverul a refuzat modificarea (cod ${status}).`;
  if (status === 409 || body.error?.kind === 'conflict') return new ConflictError(message);
  if (body.error?.fields && Object.keys(body.error.fields).length > 0) return new ValidationError(body.error.fields, message);
  return new DomainError(message);
}

/** The batch command over HTTP (a session cookie or bearer token). */
export function httpTransport(serverUrl: string, token?: string, fetchImpl: typeof fetch = fetch): SharedTransport {
  return {
    async send(ops) {
      let res: Response;
      try {
        res = await fetchImpl(`${serverUrl.replace(/\/$/, '')}/api/command`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ ops }),
        });
      } catch {
        throw new ServerUnavailableError();
      }
      const body = (await res.json().catch(() => ({}))) as { rows?: SharedRow[]; error?: { kind?: string; message?: string; fields?: FieldErrors } };
      if (res.status >= 500) throw new ServerUnavailableError(body.error?.message ?? OFFLINE_MESSAGE);
      if (!res.ok || !body.rows) throw refusalError(res.status, body);
      return body.rows;
    },
  };
}
