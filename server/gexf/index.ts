/** The GEXF exporter's public surface (1.3, or 1.2draft for older readers): the streaming writer and pure helpers. */
export { writeGexf, gexfToString, type GexfOptions } from "./write-gexf";
export { GEXF_VERSIONS, type GexfVersion } from "./versions";
export { planColumns, type Column, type GexfColumns, type GexfType } from "./columns";
export { flattenFigures, slugify, type FlatFigureValue } from "./figures";
export { dynamicFigureValues, type DynamicFigureValue } from "./dynamic";
export { formatListString, formatPipeList, formatSources, normalizeHexColor, propertyValue } from "./values";
export { escapeXml, stripIllegalXmlChars } from "./xml";
