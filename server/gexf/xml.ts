/** XML text safety for the GEXF writer: strips characters XML 1.0 forbids and escapes the rest for attributes. */

// With the `u` flag a surrogate pair is one code point, so [\uD800-\uDFFF] only matches lone surrogates.
const ILLEGAL = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
// The tests run without `u`, which is much faster: they then also match surrogate pairs (emoji), a false
// alarm the replace sorts out.
const ILLEGAL_TEST = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// Anything escapeXml has to touch: markup, quotes, whitespace that attribute normalisation would turn into
// spaces, and illegal characters. Most values have none, so one test saves the replace.
const SPECIAL_TEST = /[&<>"'\t\n\r\x85\u2028\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL = /[&<>"'\t\n\r\x85\u2028\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Parsers replace raw tab/LF/CR in attribute values by spaces; character references survive.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
  // XML 1.1 line ends: @xmldom/xmldom (graphology-gexf, Gephi Lite) turns them raw into spaces, not as references.
  "\x85": "&#133;",
  "\u2028": "&#8232;",
};

/**
 * Removes what XML 1.0 cannot carry at all: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and
 * lone surrogates. Everything else, Chinese included, stays as it is.
 */
export function stripIllegalXmlChars(text: string): string {
  return ILLEGAL_TEST.test(text) ? text.replace(ILLEGAL, "") : text;
}

/** Makes any string safe inside a double- or single-quoted XML attribute or as element text. */
export function escapeXml(text: string): string {
  if (!SPECIAL_TEST.test(text)) return text;
  return text.replace(SPECIAL, (char) => ENTITIES[char] ?? "");
}

/**
 * Values longer than this are escaped piece by piece (`escapeXmlPieces`) and written as they go: escaping can
 * make text six times longer, and a value of 100 M characters escaped at once is past V8's longest string.
 */
export const LONG_TEXT = 1 << 20;

/** escapeXml's entities, `&` first: replaced one character at a time, each only when present. */
const BY_CHARACTER = Object.entries(ENTITIES);

/** escapeXml without a callback per character, which costs seconds on millions of `&`. */
function escapeLongXml(text: string): string {
  if (!SPECIAL_TEST.test(text)) return text;
  for (const [char, entity] of BY_CHARACTER) if (text.includes(char)) text = text.split(char).join(entity);
  return stripIllegalXmlChars(text);
}

/** `escapeXml(text)` in pieces, each from at most about `size` characters of `text`. */
export function* escapeXmlPieces(text: string, size = 1 << 16): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + size, text.length);
    // Never split a surrogate pair: each half alone would be dropped as a lone surrogate.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield escapeLongXml(text.slice(start, end));
    start = end;
  }
}
