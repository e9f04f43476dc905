/**
 * The interface language: one catalogue per language (`en.ts`, `zh.ts`), a typed `t(key, params)` that reads
 * the current one, and the vocabulary's type and relation names in that language. The page sets the language
 * from its state before views render, so views only ever ask `t`.
 */
import { NODE_TYPE_INFO, RELATION_INFO, type NodeType, type Relation } from "../../../../server/domain/vocabulary";
import type { Language } from "../state/types";
import { en } from "./en";
import type { Catalogue, MessageKey, MessageParams } from "./types";
import { zh } from "./zh";

export type { Catalogue, MessageKey, MessageParams };

export const CATALOGUES: Record<Language, Catalogue> = { en, zh };

/** `<html lang>` for each language: Chinese here is written in simplified characters. */
export const HTML_LANG: Record<Language, string> = { en: "en", zh: "zh-Hans" };

let current: Language = "en";

export function setLanguage(lang: Language): void {
  current = lang;
}

export function getLanguage(): Language {
  return current;
}

export function t<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
  const message = CATALOGUES[current][key] as string | ((values: unknown) => string);
  return typeof message === "function" ? message(params[0]) : message;
}

/** An entity type's name: "Companies" for a legend (`plural`), "Company" otherwise; Chinese has one form. */
export function typeName(type: NodeType, plural = false): string {
  const info = NODE_TYPE_INFO[type];
  if (!info) return type;
  if (current === "zh") return info.labelZh;
  return plural ? info.plural : info.label;
}

export function typeDescription(type: NodeType): string {
  const info = NODE_TYPE_INFO[type];
  return info ? (current === "zh" ? info.descriptionZh : info.description) : "";
}

/** A relation's reading between its ends: "holds a stake in" / "持股". */
export function relationName(relation: Relation): string {
  const info = RELATION_INFO[relation];
  if (!info) return relation;
  return current === "zh" ? info.labelZh : info.label;
}

export function relationDescription(relation: Relation): string {
  const info = RELATION_INFO[relation];
  return info ? (current === "zh" ? info.descriptionZh : info.description) : "";
}

/**
 * An entity's name in the current language. `fallback` is true when Chinese is asked for and the entity has no
 * Chinese name: its English name is given, and the page must say so rather than pass it off as Chinese.
 */
export function entityName(entity: { label: string; labelZh?: string | undefined }): {
  text: string;
  fallback: boolean;
} {
  if (current !== "zh") return { text: entity.label, fallback: false };
  return entity.labelZh ? { text: entity.labelZh, fallback: false } : { text: entity.label, fallback: true };
}

/** A message without values, named by its key. */
export type PlainKey = { [K in MessageKey]: MessageParams<K> extends [] ? K : never }[MessageKey];

/**
 * Text that stays put once written and only changes with the language, named so that it can be written again:
 * a message key, or a type's name (`type:company`, plural `types:company`, description `typeinfo:company`), or
 * a relation's (`relation:chairs`, description `relationinfo:chairs`).
 */
export type StaticText =
  | PlainKey
  | `type:${NodeType}`
  | `types:${NodeType}`
  | `typeinfo:${NodeType}`
  | `relation:${Relation}`
  | `relationinfo:${Relation}`;

export function staticText(id: StaticText): string {
  const colon = id.indexOf(":");
  if (colon < 0) {
    const message = CATALOGUES[current][id as MessageKey];
    if (typeof message !== "string") throw new Error(`i18n: "${id}" is not a message without values`);
    return message;
  }
  const kind = id.slice(0, colon);
  const name = id.slice(colon + 1);
  if (kind === "type") return typeName(name as NodeType);
  if (kind === "types") return typeName(name as NodeType, true);
  if (kind === "typeinfo") return typeDescription(name as NodeType);
  if (kind === "relation") return relationName(name as Relation);
  if (kind === "relationinfo") return relationDescription(name as Relation);
  throw new Error(`i18n: unknown text "${id}"`);
}
