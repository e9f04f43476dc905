/**
 * The status banner over the graph: says plainly when the API fails (with a retry when one makes sense),
 * or shows a short notice. Text only.
 */
import { el, replaceChildren } from "./dom";

export interface StatusBanner {
  error(message: string, retry?: () => void): void;
  notice(message: string): void;
  hide(): void;
}

export function createStatusBanner(element: HTMLElement): StatusBanner {
  let timer = 0;
  return {
    error(message, retry) {
      window.clearTimeout(timer);
      element.className = "status status-error";
      element.setAttribute("role", "alert");
      replaceChildren(element, [
        el("span", { text: message }),
        retry
          ? el("button", { attrs: { type: "button" }, i18n: { text: "status.retry" }, on: { click: retry } })
          : null,
        el("button", {
          class: "icon-button",
          text: "×",
          attrs: { type: "button" },
          i18n: { "aria-label": "status.dismiss" },
          on: { click: () => (element.hidden = true) },
        }),
      ]);
      element.hidden = false;
    },
    notice(message) {
      window.clearTimeout(timer);
      element.className = "status status-notice";
      element.setAttribute("role", "status");
      replaceChildren(element, [el("span", { text: message })]);
      element.hidden = false;
      timer = window.setTimeout(() => (element.hidden = true), 3000);
    },
    hide() {
      element.hidden = true;
    },
  };
}
