/** The GEXF 1.3 exporter's public surface: the streaming writer and the pure helpers other code reuses. */
export { writeGexf, gexfToString, type GexfOptions } from "./write-gexf";
export { planColumns, type Column, type GexfColumns, type GexfType } from "./columns";
export { flattenFigures, slugify, type FlatFigureValue } from "./figures";
export { formatListString, formatSources, normalizeHexColor } from "./values";
export { escapeXml, stripIllegalXmlChars } from "./xml";
