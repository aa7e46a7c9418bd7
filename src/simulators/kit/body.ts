/** One field of a multipart/form-data body: text, or an uploaded file with its bytes. */
export type FormField = { kind: 'text'; value: string } | { kind: 'file'; filename: string; type: string; bytes: Buffer };

/** What a request body holds, read the way its content type says, or why it cannot be read. */
export type ReadBody = { json?: unknown; form?: ReadonlyMap<string, FormField> } | { error: string };

const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Parses JSON only under a JSON content type (`application/json`, `…+json`) and
 * multipart/form-data into its fields (the first of a repeated name wins); any other
 * body is left to the handler as raw bytes, as a vendor's server binds by content type.
 */
export async function readBody(raw: Buffer, contentType: string | undefined): Promise<ReadBody> {
  const type = mediaType(contentType);
  if (type === 'application/json' || type.endsWith('+json')) {
    const text = raw.toString('utf8');
    if (text.trim() === '') return {};
    try {
      return { json: JSON.parse(text) };
    } catch {
      return { error: 'request body is not valid JSON' };
    }
  }
  if (type !== 'multipart/form-data') return {};
  let parts: FormData;
  try {
    // fetch's Request parses multipart (boundary from the header) without a library.
    parts = await new Request('http://simulator.local/', {
      method: 'POST',
      headers: { 'content-type': contentType ?? '' },
      body: Uint8Array.from(raw),
    }).formData();
  } catch {
    return { error: 'request body is not valid multipart/form-data' };
  }
  const form = new Map<string, FormField>();
  for (const [name, value] of parts) {
    if (form.has(name)) continue;
    form.set(
      name,
      typeof value === 'string'
        ? { kind: 'text', value }
        : { kind: 'file', filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) },
    );
  }
  return { form };
}
