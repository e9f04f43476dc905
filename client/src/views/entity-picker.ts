/**
 * An entity picker: a text box with suggestions from /api/search as you type (English, Chinese, aliases,
 * typos forgiven). Arrow keys move through them, Enter picks (the first one when none is active), Esc closes
 * the suggestions, then clears the box.
 * Used for the main search box and for the two ends of a path.
 */
import type { SearchHit } from "../../../server/api/contract";
import { NODE_TYPE_INFO } from "../../../server/domain/vocabulary";
import { api } from "../api";
import { t, typeName, type PlainKey } from "../core/i18n";
import { el, replaceChildren, swatch } from "./dom";
import { noChineseName } from "./language";

export interface EntityPicker {
  root: HTMLElement;
  input: HTMLInputElement;
  /** Shows a chosen entity's name in the box without searching. */
  show(text: string): void;
}

export interface PickerOptions {
  id: string;
  /** Message keys: the box's label and placeholder follow the interface language. */
  label: PlainKey;
  placeholder: PlainKey;
  onPick(hit: SearchHit): void;
  /** Keep the picked label in the box (path ends) or clear it (main search). */
  keepText?: boolean;
}

let instances = 0;

export function createEntityPicker(options: PickerOptions): EntityPicker {
  const listId = `${options.id}-suggestions-${++instances}`;
  const input = el("input", {
    class: "picker-input",
    attrs: {
      id: options.id,
      type: "search",
      autocomplete: "off",
      spellcheck: "false",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": listId,
    },
    i18n: { placeholder: options.placeholder },
  });
  const list = el("ul", {
    class: "suggestions",
    attrs: { id: listId, role: "listbox" },
    i18n: { "aria-label": options.label },
  });
  list.hidden = true;
  const root = el("div", { class: "picker" }, [
    el("label", { class: "visually-hidden", attrs: { for: options.id }, i18n: { text: options.label } }),
    input,
    list,
  ]);

  let hits: SearchHit[] = [];
  let active = -1;
  let controller: AbortController | null = null;
  let timer = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  /** Opens the list under the box, or over it when there is more room above (a path end low in the panel). */
  const position = () => {
    const box = input.getBoundingClientRect();
    const below = window.innerHeight - box.bottom;
    const up = below < 240 && box.top > below;
    const width = Math.min(Math.max(box.width, 360), window.innerWidth - 16);
    list.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8))}px`;
    list.style.width = `${width}px`;
    list.style.top = up ? "" : `${box.bottom + 4}px`;
    list.style.bottom = up ? `${window.innerHeight - box.top + 4}px` : "";
    list.style.maxHeight = `${Math.max((up ? box.top : below) - 12, 120)}px`;
  };
  window.addEventListener("resize", () => !list.hidden && position());
  window.addEventListener("scroll", (event) => !list.hidden && event.target !== list && position(), true);

  const render = (message?: string) => {
    const items: HTMLElement[] = hits.map((hit, index) =>
      el(
        "li",
        {
          class: index === active ? "suggestion active" : "suggestion",
          attrs: { id: `${listId}-${index}`, role: "option", "aria-selected": index === active ? "true" : "false" },
          on: {
            mousedown: (event) => {
              event.preventDefault();
              pick(hit);
            },
          },
        },
        [
          swatch("swatch", NODE_TYPE_INFO[hit.type]?.color ?? "#999"),
          el("span", { class: "suggestion-names" }, [
            el("span", { class: "suggestion-label", text: hit.label, attrs: { lang: "en" } }),
            hit.labelZh
              ? el("span", { class: "suggestion-zh", text: hit.labelZh, attrs: { lang: "zh-Hans" } })
              : noChineseName(hit),
          ]),
          el("span", { class: "suggestion-type", text: typeName(hit.type) }),
        ],
      ),
    );
    if (message) items.push(el("li", { class: "suggestion-message", text: message, attrs: { role: "presentation" } }));
    replaceChildren(list, items);
    list.hidden = items.length === 0;
    if (!list.hidden) position();
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${listId}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const search = (query: string): Promise<SearchHit[]> => {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    return api.search(query, 8, own.signal).then(
      (response) => {
        if (own.signal.aborted) return hits;
        hits = response.items;
        active = -1;
        render(hits.length === 0 ? t("search.none", { query }) : undefined);
        return hits;
      },
      (error: Error) => {
        if (error.name === "AbortError") return hits;
        hits = [];
        render(t("search.failed", { message: error.message }));
        return hits;
      },
    );
  };

  const pick = (hit: SearchHit) => {
    controller?.abort();
    window.clearTimeout(timer);
    input.value = options.keepText ? hit.label : "";
    hits = [];
    close();
    replaceChildren(list, []);
    options.onPick(hit);
  };

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    const query = input.value.trim();
    if (query === "") {
      controller?.abort();
      hits = [];
      close();
      return;
    }
    timer = window.setTimeout(() => void search(query), 120);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      const query = input.value.trim();
      if (query === "") return;
      const chosen = hits[active] ?? null;
      if (chosen) return pick(chosen);
      window.clearTimeout(timer);
      void search(query).then((found) => {
        if (found[0]) pick(found[0]);
      });
    } else if (event.key === "Escape") {
      // Esc closes the suggestions, then clears the box; it never reaches the page (the open panel stays).
      event.stopPropagation();
      if (!list.hidden) close();
      else if (input.value !== "") {
        window.clearTimeout(timer);
        controller?.abort();
        input.value = "";
        hits = [];
      }
    }
  });
  input.addEventListener("blur", () => window.setTimeout(close, 100));
  input.addEventListener("focus", () => {
    if (hits.length > 0) render();
  });

  return {
    root,
    input,
    show(text) {
      input.value = text;
    },
  };
}
