/**
 * Citations for a reader: paragraphs grouped by document, "article ¶3, ¶38", with the document's title kept
 * for a tooltip. Pure data in, strings out.
 */
import type { DocumentRecord, Source } from "../../../../server/domain/dataset-schema";

export interface CitationGroup {
  document: string;
  /** The document's title, when the dataset registers it. */
  title?: string;
  paragraphs: number[];
  /** "article ¶3, ¶38" */
  text: string;
}

export function groupCitations(sources: readonly Source[], documents: readonly DocumentRecord[] = []): CitationGroup[] {
  const byDocument = new Map<string, Set<number>>();
  for (const source of sources) {
    const paragraphs = byDocument.get(source.document) ?? new Set<number>();
    paragraphs.add(source.paragraph);
    byDocument.set(source.document, paragraphs);
  }
  return [...byDocument].map(([document, set]) => {
    const paragraphs = [...set].sort((a, b) => a - b);
    const title = documents.find((d) => d.id === document)?.title;
    return {
      document,
      ...(title !== undefined && { title }),
      paragraphs,
      text: `${document} ${paragraphs.map((p) => `\u00b6${p}`).join(", ")}`,
    };
  });
}

/** All citations on one line: "article ¶3, ¶38; report ¶2". */
export function formatCitations(sources: readonly Source[], documents: readonly DocumentRecord[] = []): string {
  return groupCitations(sources, documents)
    .map((group) => group.text)
    .join("; ");
}
