import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveStream<T> {
  /** Every payload received, in order. */
  updates: T[];
  /** Resolves when the server completes the stream; rejects on a GraphQL or socket error. */
  done: Promise<void>;
  readonly completed: boolean;
  /** Ends the subscription from the client's side (graphql-ws `complete`). */
  unsubscribe(): void;
}

export interface LiveClient {
  /**
   * One subscription on this client's socket, collecting `data[field]` of each message.
   * An errors-only message rejects `done`: a subscription is expected to report vendor
   * trouble inside its payload, never by failing.
   */
  subscribe<T>(query: string, variables: Record<string, unknown>, field: string): LiveStream<T>;
  dispose(): Promise<void>;
}

/** A graphql-ws connection to a gateway; any number of subscriptions share its socket. */
export function liveClient(gatewayUrl: string, token: string): LiveClient {
  const client = createClient({
    url: `${gatewayUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
  });
  return {
    subscribe<T>(query: string, variables: Record<string, unknown>, field: string): LiveStream<T> {
      const updates: T[] = [];
      let completed = false;
      let unsubscribe = () => undefined as void;
      const done = new Promise<void>((resolve, reject) => {
        unsubscribe = client.subscribe<Record<string, T>>(
          { query, variables },
          {
            next: (msg) => {
              if (msg.errors) reject(new Error(JSON.stringify(msg.errors)));
              if (msg.data) updates.push(msg.data[field] as T);
            },
            error: reject,
            complete: () => {
              completed = true;
              resolve();
            },
          },
        );
      });
      return {
        updates,
        done,
        get completed() {
          return completed;
        },
        unsubscribe: () => unsubscribe(),
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** A single subscription on a connection of its own. */
export function subscribe<T>(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown>, field: string) {
  const client = liveClient(gatewayUrl, token);
  // Object.assign, not a spread: `completed` is a getter and must stay live.
  return Object.assign(client.subscribe<T>(query, variables, field), { dispose: () => client.dispose() });
}

/**
 * One subscription over SSE (yoga's `text/event-stream` answer to a POST), collecting
 * `data[field]` of each event; an errors-only event rejects `done`.
 */
export function sseSubscribe<T>(
  gatewayUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): LiveStream<T> & { opened: Promise<void> } {
  const updates: T[] = [];
  let completed = false;
  const abort = new AbortController();
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const done = (async () => {
    const res = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    });
    // Yoga answers once the subscription is set up: from here on it misses nothing.
    opened();
    try {
      for await (const msg of sseMessages<{ data?: Record<string, T>; errors?: unknown[] }>(res)) {
        if (msg.errors) throw new Error(JSON.stringify(msg.errors));
        if (msg.data) updates.push(msg.data[field] as T);
      }
      completed = true;
      return;
    } catch (err) {
      if (!abort.signal.aborted) throw err;
    }
    completed = true;
  })();
  return {
    updates,
    done,
    get completed() {
      return completed;
    },
    unsubscribe: () => abort.abort(),
    opened: open,
  };
}

/** The JSON messages of an SSE response, until its `complete` event or its end. */
export async function* sseMessages<M>(res: Response): AsyncGenerator<M> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (block.startsWith('event: complete')) return;
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (data) yield JSON.parse(data.slice(6)) as M;
    }
  }
}
