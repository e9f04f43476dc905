/** The two GEXF flavours the exporter writes: 1.3 (the default) and 1.2draft for readers that predate 1.3. */
import type { GexfType } from "./columns";

export const GEXF_VERSIONS = ["1.3", "1.2draft"] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

/** What differs between the flavours; everything else (elements, ids, attvalues) is written the same way. */
export interface GexfFlavour {
  version: GexfVersion;
  /** The `<gexf>` start tag with its namespaces. */
  root: string;
  /** Edge `kind` (keeps Gephi from merging parallel edges): 1.3 only. */
  kind: boolean;
  /** `viz:position` must carry `z` in 1.2draft (required there, optional in 1.3). */
  positionZ: boolean;
  /** The type a column is declared as: 1.2draft has no `[a, b]` lists, so lists are declared as text. */
  declaredType(type: GexfType): GexfType;
}

export const GEXF_FLAVOURS: Record<GexfVersion, GexfFlavour> = {
  "1.3": {
    version: "1.3",
    root: '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    kind: true,
    positionZ: false,
    declaredType: (type) => type,
  },
  "1.2draft": {
    version: "1.2draft",
    root: '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    kind: false,
    positionZ: true,
    // 1.2draft's liststring is `a|b|c` with no way to quote a `|`, and networkx 2 reads it as plain text
    // anyway: write lists as a string, items joined with " | ".
    declaredType: (type) => (type === "liststring" ? "string" : type),
  },
};

/** The flavour for a version, or an error naming the bad value. */
export function gexfFlavour(version: string): GexfFlavour {
  if (!(GEXF_VERSIONS as readonly string[]).includes(version)) {
    throw new Error(`server/gexf/write-gexf: version must be ${GEXF_VERSIONS.join(" or ")}, got "${version}".`);
  }
  return GEXF_FLAVOURS[version as GexfVersion];
}
