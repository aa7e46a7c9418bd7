import { createGraphQLError, type Plugin } from 'graphql-yoga';

const tooLarge = () => createGraphQLError('Request body too large', { extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } } });

/** One non-negative integer: anything else (a list, a sign) is how request smuggling starts. */
const CONTENT_LENGTH = /^\d+$/;

/**
 * Bodies over `maxBytes` are refused with 413 before they are parsed. A body that declares
 * its length is judged by the header alone: Node's HTTP parser never hands on more bytes
 * than Content-Length says (and refuses a request that also declares a chunked encoding),
 * so no byte of it needs counting. Only a chunked body, whose length nobody declared, is
 * counted as it streams. yoga's own limit counts every body through a stream transform
 * and a second Request, which cost a few per cent of the CPU of a small query; this is its
 * replacement (`maxRequestBodySize: false` turns yoga's off), and must come after the
 * request parsers, as yoga's does, to wrap whichever was chosen.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw createGraphQLError('Content-Length header is invalid.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
        if (Number(declared) > maxBytes) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser(async (req) => parse(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: await bodyUpTo(req, maxBytes) })));
    },
  };
}

/** A chunked body read whole, refused as soon as it passes `maxBytes`. */
async function bodyUpTo(request: Request, maxBytes: number): Promise<Blob> {
  const reader = (request.body as ReadableStream<Uint8Array<ArrayBuffer>>).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  return new Blob(chunks);
}
