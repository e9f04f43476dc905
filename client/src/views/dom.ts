/**
 * A tiny element builder. Text always goes in through textContent and attributes through setAttribute, so a
 * value from the data (a label like `<img src=x onerror=alert(1)>`) can only ever appear as text. Interface
 * text given as `i18n` keeps its message key in a `data-i18n…` attribute, so a change of language rewrites it
 * (`localizeDom`).
 */
import { staticText, type StaticText } from "../core/i18n";

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
  /** Interface text in the current language, rewritten when the language changes. */
  i18n?: Partial<Record<LocalizedPart, StaticText>>;
}

/** What of an element `localizeDom` rewrites: its text, or one of these attributes. */
const LOCALIZED_PARTS = ["text", "title", "aria-label", "aria-roledescription", "placeholder"] as const;
type LocalizedPart = (typeof LOCALIZED_PARTS)[number];
const dataAttribute = (part: LocalizedPart) => (part === "text" ? "data-i18n" : `data-i18n-${part}`);

function localize(element: Element, part: LocalizedPart, id: StaticText): void {
  if (part === "text") element.textContent = staticText(id);
  else element.setAttribute(part, staticText(id));
}

/** Rewrites every element under `root` that carries a `data-i18n…` attribute in the current language. */
export function localizeDom(root: ParentNode): void {
  for (const part of LOCALIZED_PARTS) {
    const name = dataAttribute(part);
    for (const element of root.querySelectorAll(`[${name}]`)) {
      localize(element, part, element.getAttribute(name) as StaticText);
    }
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [part, id] of Object.entries(options.i18n ?? {}) as [LocalizedPart, StaticText][]) {
    element.setAttribute(dataAttribute(part), id);
    localize(element, part, id);
  }
  for (const [name, handler] of Object.entries(options.on ?? {})) {
    element.addEventListener(name, handler as EventListener);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`explorer: element #${id} is missing from index.html`);
  return element as T;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  children: SVGElement[] = [],
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) element.appendChild(child);
  return element;
}

/**
 * A colour dot or bar. The colour is set through the CSSOM, which the page's Content Security Policy
 * (`style-src 'self'`) allows, unlike a `style` attribute.
 */
export function swatch(className: "swatch" | "relation-swatch", color: string): HTMLSpanElement {
  const element = el("span", { class: className, attrs: { "aria-hidden": "true" } });
  element.style.backgroundColor = color;
  return element;
}
