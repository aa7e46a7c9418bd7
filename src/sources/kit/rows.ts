/**
 * A long list in a JSON answer, read a row at a time: where the rows of the array at a
 * path lie in the text, found without parsing them, and the text with that array
 * emptied. Parsing 10,000 clusters in one JSON.parse makes all of them live at once
 * (DWS's unpaged list is 17.7 MB of text, twice that as objects); parsed one row at a
 * time, a row not kept is garbage as soon as it is read.
 */
export interface SplitRows {
  /** The text with the array at the path emptied (`[]`): the envelope and every other field. */
  outer: string;
  /** Each row's text, as start and end offsets into the text, one pair after another. */
  rows: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** Where the string opened by the quote at `at` ends: just past its closing quote (text.length when it never closes). */
function stringEnd(text: string, at: number): number {
  for (let i = text.indexOf('"', at + 1); i !== -1; i = text.indexOf('"', i + 1)) {
    let slashes = 0;
    while (text.charCodeAt(i - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return i + 1;
  }
  return text.length;
}

/**
 * The rows of the array at `path` (object keys from the top; empty: the text is the
 * array). undefined when there is no array there or its rows are not well separated:
 * the caller then parses the whole text, whose check says what is wrong with it. Only
 * the nesting is followed here; JSON.parse of the outer text and of each row checks the
 * rest, so a text that passes both is exactly a text the whole parse would take.
 */
export function splitRows(text: string, path: readonly string[]): SplitRows | undefined {
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
    if (text.slice(rowStart, end).trim() === '') return false;
    rows.push(rowStart, end);
    rowStart = end + 1;
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const depth = isObject.length;
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth > 0 && isObject[depth - 1] && keys[depth - 1] === undefined) keys[depth - 1] = text.slice(i + 1, end - 1);
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
        if (rows.length > 0 || text.slice(rowStart, i).trim() !== '') {
          if (!endRow(i)) return undefined;
        }
        return { outer: `${text.slice(0, start + 1)}${text.slice(i)}`, rows };
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
