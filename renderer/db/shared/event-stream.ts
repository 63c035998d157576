/**
 * The part of EventSource that followServer uses. The browser's EventSource cannot send an
 * Authorization header, so a workstation on another origin than the server (the desktop app,
 * app://) reads /api/stream with fetch and a bearer token instead.
 */
export interface StreamSource {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

/** Server-sent events read with fetch (bearer token); `onerror` fires once when the stream fails or ends. */
export function fetchEventStream(url: string, token: string | undefined, fetchImpl: typeof fetch = fetch): StreamSource {
  const listeners = new Map<string, ((event: { data: string }) => void)[]>();
  const controller = new AbortController();
  let closed = false;
  const source: StreamSource = {
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    onerror: null,
    close() {
      closed = true;
      controller.abort();
    },
  };
  const fail = () => {
    if (closed) return;
    closed = true;
    source.onerror?.(new Event('error'));
  };
  const dispatch = (block: string) => {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0 && type === 'message') return;
    for (const listener of listeners.get(type) ?? []) listener({ data: data.join('\n') });
  };
  void (async () => {
    const res = await fetchImpl(url, { headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, credentials: 'include', signal: controller.signal, cache: 'no-store' });
    if (!res.ok || !res.body) throw new Error(`stream: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
    throw new Error('stream ended');
  })().catch(fail);
  return source;
}
