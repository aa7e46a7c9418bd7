import type { HttpMethod } from './definition.js';

/**
 * A vendor document's endpoint list, checked in beside its simulator, so that "every
 * documented endpoint answers as its document shows" is a test and not a claim. One
 * generic test (test/simulators/documented.test.ts) walks every entry of every vendor.
 */

/** A request to a simulator and the status the document gives for it. */
export interface DocumentedCall {
  /** The concrete path with its parameters filled in, and its query string if any. */
  path: string;
  body?: unknown;
  /** Sent in addition to the signed-in headers (or instead of them, see `signedIn`). */
  headers?: Record<string, string>;
  /** False for a call the document makes without credentials (sign-in, token refresh). */
  signedIn?: boolean;
  /** The HTTP status the document gives for this request. */
  status: number;
}

/** The simulator as an endpoint's example sees it: signed in, answering parsed JSON. */
export interface DocumentedClient {
  call(method: HttpMethod, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export interface DocumentedEndpoint {
  method: HttpMethod;
  /** As the document writes it, which is also the simulator's route path. */
  path: string;
  /** Where the document describes it: its section number and title. */
  section: string;
  /**
   * A request the document shows succeeding. It may first read the simulator's seeded
   * state through `api` (an id to act on, a resource to create first).
   */
  valid(api: DocumentedClient): DocumentedCall | Promise<DocumentedCall>;
  /** A request the document shows failing: a missing field, an unknown id, a bad value. */
  invalid(api: DocumentedClient): DocumentedCall | Promise<DocumentedCall>;
}

export interface DocumentedApi {
  /** The document's file name under the seeds folder, e.g. `000_d73744e4cdc4d0ea.txt`. */
  document: string;
  /** Headers that make a call signed in, signing in the way the document does. */
  signIn(baseUrl: string, credentials: Record<string, string>): Promise<Record<string, string>>;
  /** Whether `body` is the document's success envelope. */
  isSuccess(status: number, body: unknown): boolean;
  /** Whether `body` is the document's error envelope. */
  isError(status: number, body: unknown): boolean;
  /** Every endpoint the document describes, in the document's order. */
  endpoints: readonly DocumentedEndpoint[];
}
