/**
 * Writes one record's `<attvalues>`: only the values it has, each spelled as its column's declared type. Each
 * column's `<attvalue for="..." value="` and its formatter are worked out once per export, not per value.
 */
import type { EdgeAttributes, NodeAttributes } from "../graph/attributes";
import { figureColumnKey, type Column, type ColumnSet, type FieldValue, type GexfType } from "./columns";
import { dateSpanXml, dynamicFigureValues } from "./dynamic";
import { flattenFigures } from "./figures";
import { formatListString, formatNumber, formatPipeList, propertyValue } from "./values";
import type { GexfFlavour, GexfVersion } from "./versions";
import { escapeXml, LONG_TEXT } from "./xml";

/**
 * A value as its column type reads it, or undefined when it has none of that type (NaN, a string in a
 * double column...): then no attvalue is written rather than one a reader would misread. Lists are spelled
 * `[a, "b, c"]` in 1.3 and `a | b, c` in 1.2draft (where they sit in string columns).
 */
export function formatValue(type: GexfType, value: FieldValue, version: GexfVersion = "1.3"): string | undefined {
  if (value === undefined) return undefined;
  const list = version === "1.3" ? formatListString : formatPipeList;
  switch (type) {
    case "string":
      if (typeof value === "string") return value;
      if (typeof value === "number") return formatNumber(value);
      if (typeof value === "boolean") return String(value);
      return list(value);
    case "double":
      return typeof value === "number" ? formatNumber(value) : undefined;
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value) ? String(value) : undefined;
    case "boolean":
      return typeof value === "boolean" ? String(value) : undefined;
    case "liststring":
      if (typeof value === "string") return list([value]);
      return Array.isArray(value) ? list(value) : undefined;
  }
}

/** A column ready to write: its start tag up to the value, and how a value is spelled in it. */
interface WritableColumn {
  open: string;
  format: (value: FieldValue) => string | undefined;
}

/** How `column` is written in `flavour`: `<attvalue for="id" value="` and a formatter for its declared type. */
function writable(column: Column, flavour: GexfFlavour): WritableColumn {
  const type = flavour.declaredType(column.type);
  const version = flavour.version;
  const format: WritableColumn["format"] =
    type === "string"
      ? (value) => (typeof value === "string" ? value : formatValue(type, value, version))
      : (value) => formatValue(type, value, version);
  return { open: '<attvalue for="' + escapeXml(column.id) + '" value="', format };
}

/**
 * The `<attvalue>` of one value, or "". A value longer than LONG_TEXT is not escaped here: it goes to `long`
 * and a NUL stands in its place (no escaped text can hold a NUL: XML cannot carry it and escapeXml drops it).
 */
function attvalue(column: WritableColumn | undefined, value: FieldValue, long: string[]): string {
  if (column === undefined || value === undefined) return "";
  const text = column.format(value);
  if (text === undefined) return "";
  if (text.length > LONG_TEXT) {
    long.push(text);
    return column.open + '\0"/>';
  }
  return column.open + escapeXml(text) + '"/>';
}

/**
 * Writes the `<attvalues>` of one class (node or edge) for one flavour. Columns are looked up as planned;
 * build it after planning, as it copies the column set's current columns.
 */
export class AttvaluesWriter<A extends NodeAttributes | EdgeAttributes> {
  private readonly fixed: { get: (attributes: A) => FieldValue; column: WritableColumn }[];
  private readonly props = new Map<string, WritableColumn>();
  private readonly figures = new Map<string, WritableColumn>();
  private readonly dynamicFigures = new Map<string, string>();
  /**
   * Values of the last `write` too long to escape into its string, in the order of the NULs standing in for
   * them; the caller writes them with `escapeXmlPieces` and empties this.
   */
  readonly long: string[] = [];

  constructor(
    private readonly columns: ColumnSet<A>,
    flavour: GexfFlavour,
  ) {
    this.fixed = columns.fixed.map((column) => ({ get: column.get, column: writable(column, flavour) }));
    for (const [key, column] of columns.props) this.props.set(key, writable(column, flavour));
    for (const [key, column] of columns.figures) this.figures.set(key, writable(column, flavour));
    for (const [key, column] of columns.dynamicFigures) this.dynamicFigures.set(key, escapeXml(column.id));
  }

  /**
   * `<attvalues>...</attvalues>` for one node or edge, or "" when it has no value for any column. `extra` is
   * attvalues the caller wrote for columns of its own (a node's metrics), put after these.
   */
  write(attributes: A, extra = ""): string {
    let out = "";
    for (const { get, column } of this.fixed) out += attvalue(column, get(attributes), this.long);
    const properties = attributes.properties;
    if (properties) {
      for (const key in properties) out += attvalue(this.props.get(key), propertyValue(properties[key]), this.long);
    }
    const figures = attributes.figures;
    if (figures && figures.length > 0)
      out += this.columns.dynamic ? this.dynamicValues(attributes) : this.flat(attributes);
    out += extra;
    return out === "" ? "" : "<attvalues>" + out + "</attvalues>";
  }

  private flat(attributes: A): string {
    let out = "";
    for (const flat of flattenFigures(attributes.figures!)) {
      out += attvalue(this.figures.get(figureColumnKey(flat.id, flat.unit, flat.type)), flat.value, this.long);
    }
    return out;
  }

  private dynamicValues(attributes: A): string {
    let out = "";
    for (const point of dynamicFigureValues(attributes.figures!)) {
      const id = this.dynamicFigures.get(point.column);
      let value = typeof point.value === "number" ? formatNumber(point.value) : point.value;
      if (id === undefined || value === undefined) continue;
      if (value.length > LONG_TEXT) {
        this.long.push(value); // a note too long to escape in one string: see attvalue()
        value = "\0";
      } else if (typeof point.value === "string") value = escapeXml(value);
      out += '<attvalue for="' + id + '" value="' + value + '"' + dateSpanXml(point.span) + "/>";
    }
    return out;
  }
}
