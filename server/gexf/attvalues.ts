/** Writes one record's `<attvalues>`: only the values it has, each spelled as its column's declared type. */
import type { EdgeAttributes, NodeAttributes } from "../graph/attributes";
import { figureColumnKey, type Column, type ColumnSet, type FieldValue, type GexfType } from "./columns";
import { dynamicFigureValues, intervalXml } from "./dynamic";
import { flattenFigures } from "./figures";
import { formatListString, formatNumber, formatPipeList, propertyValue } from "./values";
import type { GexfFlavour, GexfVersion } from "./versions";
import { escapeXml } from "./xml";

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

function attvalue(column: Column | undefined, value: FieldValue, flavour: GexfFlavour): string {
  if (column === undefined) return "";
  const text = formatValue(flavour.declaredType(column.type), value, flavour.version);
  return text === undefined ? "" : '<attvalue for="' + escapeXml(column.id) + '" value="' + escapeXml(text) + '"/>';
}

/**
 * `<attvalues>...</attvalues>` for one node or edge, or "" when it has no value for any column. Each value is
 * spelled as the type `flavour` declares its column with.
 */
export function attvaluesXml<A extends NodeAttributes | EdgeAttributes>(
  columns: ColumnSet<A>,
  attributes: A,
  flavour: GexfFlavour,
): string {
  let out = "";
  for (const column of columns.fixed) out += attvalue(column, column.get(attributes), flavour);
  const properties = attributes.properties;
  if (properties) {
    for (const key in properties) out += attvalue(columns.props.get(key), propertyValue(properties[key]), flavour);
  }
  if (attributes.figures?.length && columns.dynamic) {
    for (const point of dynamicFigureValues(attributes.figures)) {
      const column = columns.dynamicFigures.get(point.column);
      const value = formatNumber(point.value);
      if (column === undefined || value === undefined) continue;
      const interval = intervalXml(point.year, point.year); // "" for an undated point: always so
      out += '<attvalue for="' + escapeXml(column.id) + '" value="' + value + '"' + interval + "/>";
    }
  } else if (attributes.figures?.length) {
    for (const flat of flattenFigures(attributes.figures)) {
      out += attvalue(columns.figures.get(figureColumnKey(flat.id, flat.unit)), flat.value, flavour);
    }
  }
  return out === "" ? "" : "<attvalues>" + out + "</attvalues>";
}
