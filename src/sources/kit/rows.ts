/**
 * A long list in a JSON answer, read a row at a time: where the rows of the array at a
 * path lie in the body's bytes, found without parsing them, and the body with that array
 * emptied. The bytes are UTF-8, whose multi-byte characters never hold a byte below
 * 0x80, so quotes, brackets and commas are found byte by byte. Parsing 10,000 clusters in one JSON.parse makes all of them live at once
 * (DWS's unpaged list is 17.7 MB of text, twice that as objects); parsed one row at a
 * time, a row not kept is garbage as soon as it is read.
 */
export interface SplitRows {
  /** The body with the array at the path emptied (`[]`): the envelope and every other field. */
  outer: string;
  /** Each row, as start and end offsets into the bytes, one pair after another. */
  rows: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

const utf8 = new TextDecoder();

/** The text of `bytes` from `start` to `end`. */
export const textOf = (bytes: Uint8Array, start = 0, end = bytes.length): string => utf8.decode(bytes.subarray(start, end));

/** Where the string opened by the quote at `at` ends: just past its closing quote (bytes.length when it never closes). */
function stringEnd(bytes: Uint8Array, at: number): number {
  for (let i = bytes.indexOf(QUOTE, at + 1); i !== -1; i = bytes.indexOf(QUOTE, i + 1)) {
    let slashes = 0;
    while (bytes[i - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return i + 1;
  }
  return bytes.length;
}

/** Whether bytes `start` to `end` are JSON whitespace only. */
function blank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

/**
 * The rows of the array at `path` (object keys from the top; empty: the body is the
 * array). undefined when there is no array there or its rows are not well separated:
 * the caller then parses the whole body, whose check says what is wrong with it. Only
 * the nesting is followed here; JSON.parse of the outer text and of each row checks the
 * rest, so a body that passes both is exactly one the whole parse would take.
 */
export function splitRows(bytes: Uint8Array, path: readonly string[]): SplitRows | undefined {
  // For each container entered: whether it is an object, the key last read in it
  // (undefined while a key is expected), and whether it lies on the path.
  const isObject: boolean[] = [];
  const keys: (string | undefined)[] = [];
  const onPath: boolean[] = [];
  /** Where the array at the path opens, and where its current row starts. */
  let start = -1;
  let rowStart = -1;
  const rows: number[] = [];
  const endRow = (end: number): boolean => {
    if (blank(bytes, rowStart, end)) return false;
    rows.push(rowStart, end);
    rowStart = end + 1;
    return true;
  };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const depth = isObject.length;
    if (c === QUOTE) {
      const end = stringEnd(bytes, i);
      // Keys matter only on the way to the array, not inside its rows.
      if (depth > 0 && depth <= path.length && isObject[depth - 1] && keys[depth - 1] === undefined) keys[depth - 1] = textOf(bytes, i + 1, end - 1);
      i = end - 1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const here = depth <= path.length && (depth === 0 || (onPath[depth - 1] === true && keys[depth - 1] === path[depth - 1]));
      if (here && depth === path.length && c === OPEN_ARRAY) {
        start = i;
        rowStart = i + 1;
      }
      isObject.push(c === OPEN_OBJECT);
      keys.push(undefined);
      onPath.push(here);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0 || isObject[depth - 1] !== (c === CLOSE_OBJECT)) return undefined;
      if (start !== -1 && depth === path.length + 1) {
        // The array's end: its last row, unless it has none.
        if ((rows.length > 0 || !blank(bytes, rowStart, i)) && !endRow(i)) return undefined;
        return { outer: `${textOf(bytes, 0, start + 1)}${textOf(bytes, i)}`, rows };
      }
      isObject.pop();
      keys.pop();
      onPath.pop();
    } else if (c === COMMA) {
      if (depth > 0 && isObject[depth - 1]) keys[depth - 1] = undefined;
      if (start !== -1 && depth === path.length + 1 && !endRow(i)) return undefined;
    }
  }
  return undefined;
}
