/**
 * The interface language on the page: switching it rewrites the static text (`data-i18n…`), `<html lang>` and
 * the tab's title; views write their own changing text with `t` on the next render. An entity's name is
 * written by `entityNameParts`, which marks an English name standing in for a missing Chinese one.
 */
import { entityName, HTML_LANG, setLanguage, t } from "../core/i18n";
import type { Language } from "../core/state/types";
import { el, localizeDom } from "./dom";

export function applyLanguage(lang: Language, dataset: string | null): void {
  setLanguage(lang);
  document.documentElement.lang = HTML_LANG[lang];
  localizeDom(document);
  document.title = dataset ? t("page.titleWithDataset", { dataset }) : t("page.title");
}

/**
 * An entity's name as elements: the name in the current language, or, in Chinese without a Chinese name, the
 * English name marked `lang="en"` followed by a small "no Chinese name" tag that explains itself on hover.
 */
export function entityNameParts(entity: { label: string; labelZh?: string | undefined }): HTMLElement[] {
  const name = entityName(entity);
  if (!name.fallback) return [el("span", { class: "entity-name", text: name.text })];
  return [
    el("span", { class: "entity-name name-fallback", text: name.text, attrs: { lang: "en" } }),
    noChineseName(entity) as HTMLElement,
  ];
}

/** In Chinese, the tag that says an entity has no Chinese name; null otherwise. */
export function noChineseName(entity: { label: string; labelZh?: string | undefined }): HTMLElement | null {
  if (!entityName(entity).fallback) return null;
  return el("span", { class: "no-zh-tag", text: t("sidebar.noZh"), attrs: { title: t("sidebar.noZhTitle") } });
}
