import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveStream<T> {
  /** Every payload received, in order. */
  updates: T[];
  /** Resolves when the server completes the stream; rejects on a GraphQL or socket error. */
  done: Promise<void>;
  readonly completed: boolean;
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
      const done = new Promise<void>((resolve, reject) => {
        client.subscribe<Record<string, T>>(
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
