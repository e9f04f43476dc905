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
