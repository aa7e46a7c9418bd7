import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

export interface SubscriptionLimits {
  /** Subscriptions one graphql-ws connection may have open at once. */
  maxSubscriptionsPerConnection: number;
  /** Subscriptions one API token may have open at once, over every connection and SSE stream. */
  maxSubscriptionsPerToken: number;
}

/**
 * Admits a subscription only while its connection and its token are under their limits,
 * counting over graphql-ws and SSE alike: a viewer who opens subscriptions without end
 * is refused (TOO_MANY_SUBSCRIPTIONS) instead of exhausting the process. A subscription
 * counts from the moment it is admitted until its stream ends, however it ends.
 */
export function useSubscriptionLimits(limits: SubscriptionLimits): Plugin {
  const perToken = new Map<string, number>();
  const perConnection = new WeakMap<object, number>();
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as GatewayContext & { socket?: object };
      const token = ctx.viewer?.name;
      if (token === undefined) return;
      const connection = ctx.socket;
      const refuse = (what: string, limit: number) =>
        setResultAndStopExecution({
          errors: [
            createGraphQLError(`${what} has ${limit} subscriptions open, the most it may; end one before starting another`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit },
            }),
          ],
        });
      if ((perToken.get(token) ?? 0) >= limits.maxSubscriptionsPerToken) return refuse('this API token', limits.maxSubscriptionsPerToken);
      if (connection && (perConnection.get(connection) ?? 0) >= limits.maxSubscriptionsPerConnection) {
        return refuse('this connection', limits.maxSubscriptionsPerConnection);
      }
      perToken.set(token, (perToken.get(token) ?? 0) + 1);
      if (connection) perConnection.set(connection, (perConnection.get(connection) ?? 0) + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (perToken.get(token) ?? 1) - 1;
        if (left > 0) perToken.set(token, left);
        else perToken.delete(token);
        if (connection) perConnection.set(connection, Math.max(0, (perConnection.get(connection) ?? 1) - 1));
      };
      return {
        onSubscribeResult: ({ result }) => {
          if (!(Symbol.asyncIterator in result)) return release();
          return { onEnd: release };
        },
        onSubscribeError: release,
      };
    },
  };
}
