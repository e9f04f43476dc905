/**
 * The PNG export: the view as drawn, framed so the picture stands on its own wherever it is pasted: a title and
 * what is shown above it, a legend of the entity types shown below it, and the source it was built from.
 */
import type { SchemaResponse } from "../../../server/api/contract";
import type { DocumentRecord } from "../../../server/domain/dataset-schema";
import type { ClientGraph } from "../core/graph/load";
import { shownNodes } from "../core/graph/visibility";
import { t, typeName } from "../core/i18n";
import type { ExplorerState } from "../core/state/types";
import { drawViewOnCanvas, LABEL_FONT, type Renderer } from "./renderer";

export interface PngFrame {
  title: string;
  /** What is shown: the counts line over the graph ("In 2019: Showing 53 of 57 entities · …"). */
  subtitle: string;
  legend: { label: string; color: string; count: number }[];
  /** Where the facts come from, said in one line (wrapped when long). */
  source: string;
}

/** The frame for what the page shows now: the dataset's name, the counts line, the types shown, the sources. */
export function pngFrameOf(
  state: ExplorerState,
  graph: ClientGraph,
  schema: SchemaResponse,
  documents: readonly DocumentRecord[],
  countsText: string,
): PngFrame {
  const perType = new Map<string, number>();
  for (const key of shownNodes(state, graph)) {
    const type = graph.getNodeAttribute(key, "type");
    perType.set(type, (perType.get(type) ?? 0) + 1);
  }
  return {
    title: graph.getAttribute("name") ?? t("png.untitled"),
    subtitle: countsText,
    legend: schema.nodeTypes
      .filter((t) => perType.has(t.type))
      .map((t) => ({ label: typeName(t.type, true), color: t.color, count: perType.get(t.type) ?? 0 })),
    source: t("png.source", { count: documents.length, titles: sentence(documents.map((d) => d.title).join("; ")) }),
  };
}

/** Ends `text` with a full stop unless it already ends with a sentence's end. */
const sentence = (text: string) => (/[.!?。！？]$/.test(text) ? text : `${text}.`);

const PAD = 16;
const TITLE = 18;
const SMALL = 12;
const LINE = 18;
const SWATCH = 5;

/** Words of `text` wrapped to lines no wider than `width` in the context's current font. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** Lays the legend's items out in rows; returns each item's position (CSS pixels from the legend's top left). */
function legendRows(context: CanvasRenderingContext2D, frame: PngFrame, width: number) {
  context.font = `${SMALL}px ${LABEL_FONT}`;
  const items: { x: number; y: number; text: string; color: string }[] = [];
  let [x, y] = [0, 0];
  for (const { label, color, count } of frame.legend) {
    const text = `${label} ${count}`;
    const itemWidth = SWATCH * 2 + 6 + context.measureText(text).width + 16;
    if (x > 0 && x + itemWidth > width) [x, y] = [0, y + LINE];
    items.push({ x, y, text, color });
    x += itemWidth;
  }
  return { items, height: items.length ? y + LINE : 0 };
}

/** Draws the framed picture: title, subtitle, the view, legend and source. */
export async function framedPng(renderer: Renderer, frame: PngFrame): Promise<HTMLCanvasElement> {
  const view = await drawViewOnCanvas(renderer);
  const scale = view.width / renderer.getDimensions().width;
  const width = view.width / scale;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas to draw the PNG on");
  const inner = width - 2 * PAD;
  // Measured before the canvas is sized (sizing resets the context).
  context.font = `600 ${TITLE}px ${LABEL_FONT}`;
  const title = wrap(context, frame.title, inner);
  context.font = `${SMALL}px ${LABEL_FONT}`;
  const subtitle = wrap(context, frame.subtitle, inner);
  const source = wrap(context, frame.source, inner);
  const legend = legendRows(context, frame, inner);
  const titleHeight = title.length * (TITLE + 6);
  const header = PAD + titleHeight + subtitle.length * LINE + 6;
  const footer = 10 + legend.height + 6 + source.length * LINE + PAD;
  canvas.width = view.width;
  canvas.height = Math.round((header + footer) * scale) + view.height;
  context.scale(scale, scale);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, canvas.height / scale);

  context.textBaseline = "alphabetic";
  context.fillStyle = "#1f2933";
  context.font = `600 ${TITLE}px ${LABEL_FONT}`;
  title.forEach((line, i) => context.fillText(line, PAD, PAD + (i + 1) * (TITLE + 6) - 9));
  context.font = `${SMALL}px ${LABEL_FONT}`;
  context.fillStyle = "#4b5563";
  subtitle.forEach((line, i) => context.fillText(line, PAD, PAD + titleHeight + (i + 1) * LINE - 5));

  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.drawImage(view, 0, Math.round(header * scale));
  context.restore();
  context.strokeStyle = "#e3e6eb";
  context.strokeRect(0.5, header + 0.5, width - 1, view.height / scale - 1);

  const top = header + view.height / scale + 10;
  for (const item of legend.items) {
    const y = top + item.y + LINE / 2;
    context.fillStyle = item.color;
    context.beginPath();
    context.arc(PAD + item.x + SWATCH, y, SWATCH, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = "#1f2933";
    context.fillText(item.text, PAD + item.x + SWATCH * 2 + 6, y + SMALL / 3);
  }
  context.fillStyle = "#4b5563";
  const sourceTop = top + legend.height + 6;
  source.forEach((line, i) => context.fillText(line, PAD, sourceTop + (i + 1) * LINE - 5));
  return canvas;
}

/** Saves the framed picture as `fileName`.png. */
export async function downloadFramedPng(renderer: Renderer, frame: PngFrame, fileName = "graph"): Promise<void> {
  const canvas = await framedPng(renderer, frame);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
  if (!blob) throw new Error("the browser could not encode the PNG");
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${fileName}.png`;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
