/**
 * The shape every language's catalogue must have: English's keys, a string where English has a string, and a
 * function of the same values where English has one.
 */
import type { en } from "./en";

type English = typeof en;
export type MessageKey = keyof English;

export type Catalogue = { [K in MessageKey]: English[K] extends string ? string : English[K] };

/** The values a message takes: none for a plain string, else its one parameter object. */
export type MessageParams<K extends MessageKey> = English[K] extends (params: infer P) => string ? [params: P] : [];
