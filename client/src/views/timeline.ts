/**
 * The timeline: a slider over the dataset's years plus an "All years" position (the default: no year chosen),
 * play/pause stepping one year a second, and the dated events as a list, each with its year(s), title,
 * an "implied" mark with its note when the article does not state the date, and its citations. Picking an
 * event moves the slider to its year and selects its entities. Native controls, so the keyboard works as
 * everywhere (arrows, Home/End, Page Up/Down on the slider; Enter or Space on the buttons).
 */
import type { TimelineEvent, TimelineResponse } from "../../../server/api/contract";
import type { DocumentRecord } from "../../../server/domain/dataset-schema";
import { formatCitations } from "../core/format/sources";
import type { ClientGraph } from "../core/graph/load";
import { relationName, t } from "../core/i18n";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import { eventYear, formatSpan, nextYear } from "../core/time/as-of";
import { describeYear, yearChanges } from "../core/time/year-changes";
import { el, replaceChildren } from "./dom";
import { basisBadge } from "./figures";
import { entityNameParts } from "./language";

/** Milliseconds per year while playing. */
export const PLAY_STEP_MS = 1000;

export interface TimelineView {
  /** Fills the slider and the events list once /api/timeline has answered. */
  load(response: TimelineResponse): void;
  fail(message: string): void;
  update(state: ExplorerState): void;
}

export function mountTimeline(
  bar: HTMLElement,
  section: HTMLElement,
  store: Store<ExplorerState>,
  documents: readonly DocumentRecord[],
  graph: ClientGraph,
  onPick: (event: TimelineEvent) => void,
): TimelineView {
  let range: { start: number; end: number } | null = null;
  let events: TimelineEvent[] = [];
  let lang = store.get().lang;
  let timer = 0;
  /** Set when play ran to the last year: ▶ then reads "play again" rather than looking merely paused. */
  let finished = false;
  const setYear = (year: number | null) => store.update((s) => actions.setYear(s, year));

  const play = el("button", {
    class: "timeline-play",
    attrs: { id: "timeline-play", type: "button", "aria-pressed": "false", disabled: true },
  });
  const slider = el("input", {
    attrs: { id: "timeline-slider", type: "range", step: 1, disabled: true },
    i18n: { "aria-label": "timeline.year" },
  });
  const output = el("output", { class: "timeline-year", attrs: { id: "timeline-year", for: "timeline-slider" } });
  const ends = el("span", { class: "timeline-ends", attrs: { "aria-hidden": "true" } });
  // What the year shown changes, said over the bar (and to screen readers when it changes).
  const change = el("p", { class: "timeline-change", attrs: { id: "timeline-change", "aria-live": "polite" } });
  change.hidden = true;
  const track = el("div", { class: "timeline-track" }, [slider, ends]);
  replaceChildren(bar, [change, play, track, output]);
  // The last year's label is dropped when the track is too short for it beside "All" (a panel open at 1024 px).
  const fitEnds = () => {
    const [last, all] = [ends.querySelector<HTMLElement>(".timeline-last"), ends.lastElementChild as HTMLElement];
    if (!last || !all || last === all) return;
    last.hidden = false;
    last.hidden = last.getBoundingClientRect().right + 4 > all.getBoundingClientRect().left;
  };
  new ResizeObserver(fitEnds).observe(track);

  const title = el("h2", { class: "section-title", attrs: { id: "events-title" }, i18n: { text: "timeline.title" } });
  const list = el("ol", { class: "event-list", attrs: { id: "event-list" } });
  const status = el("p", { class: "panel-status", i18n: { text: "timeline.loading" } });
  replaceChildren(section, [title, status, list]);

  const stop = () => {
    window.clearInterval(timer);
    timer = 0;
    showPlaying();
  };
  // Counted once per year and graph size: update() runs on every hover.
  const described = new Map<string, string>();
  const describe = (year: number, last: number) => {
    const key = `${year} ${graph.order} ${graph.size} ${store.get().lang}`;
    let text = described.get(key);
    if (text === undefined) described.set(key, (text = describeYear(yearChanges(graph, year), year === last)));
    return text;
  };
  const showPlaying = () => {
    const playing = timer !== 0;
    const again = !playing && finished && range !== null && store.get().year === range.end;
    play.setAttribute("aria-pressed", String(playing));
    play.textContent = playing ? "❚❚" : again ? "↻" : "▶";
    play.title = t(playing ? "timeline.pause" : again ? "timeline.againTitle" : "timeline.playTitle");
    play.setAttribute("aria-label", t(playing ? "timeline.pause" : again ? "timeline.again" : "timeline.play"));
  };
  play.addEventListener("click", () => {
    if (!range) return;
    if (timer !== 0) return stop();
    const span = range;
    const year = store.get().year;
    finished = false;
    if (year === null || year >= span.end) setYear(span.start);
    timer = window.setInterval(() => {
      const next = nextYear(store.get().year, span);
      if (next === null) return stop();
      finished = next >= span.end;
      setYear(next);
      if (finished) stop();
    }, PLAY_STEP_MS);
    showPlaying();
  });
  slider.addEventListener("input", () => {
    if (!range) return;
    finished = false;
    stop();
    const value = Number(slider.value);
    setYear(value > range.end ? null : value);
  });

  /** "Xiaomi holds a stake in Kingsoft Cloud", written from the graph in the interface language. */
  const eventTitle = (event: TimelineEvent): (string | HTMLElement)[] => {
    const name = (key: string) => entityNameParts(graph.getNodeAttributes(key));
    if (event.kind === "entity" && graph.hasNode(event.key)) return name(event.key);
    if (event.kind === "relation" && graph.hasEdge(event.key)) {
      const relation = relationName(graph.getEdgeAttribute(event.key, "relation"));
      return [...name(graph.source(event.key)), ` ${relation} `, ...name(graph.target(event.key))];
    }
    return [el("span", { text: event.title, attrs: { lang: "en" } })];
  };

  const eventItem = (event: TimelineEvent) => {
    const when = formatSpan(event);
    const implied = event.basis !== "stated";
    return el("li", {}, [
      el(
        "button",
        {
          class: "event",
          attrs: { type: "button", "data-key": event.key, "data-year": eventYear(event) ?? undefined },
          on: {
            click: () => {
              stop();
              onPick(event);
            },
          },
        },
        [
          el("span", { class: "event-when", text: when }),
          el("span", { class: "event-title" }, eventTitle(event)),
          implied ? basisBadge(event.basis, event.note) : null,
        ],
      ),
      implied && event.note
        ? el("p", { class: "figure-note event-note", text: event.note, attrs: { lang: "en" } })
        : null,
      el("p", { class: "cite event-cite", text: formatCitations(event.sources, documents), attrs: { lang: "en" } }),
    ]);
  };

  return {
    load(response) {
      range = response.range;
      if (!range) {
        status.dataset.i18n = "timeline.empty";
        status.textContent = t("timeline.empty");
        bar.hidden = true;
        return;
      }
      slider.min = String(range.start);
      slider.max = String(range.end + 1);
      slider.disabled = false;
      play.disabled = false;
      const positions = range.end + 1 - range.start;
      const label = (text: string, at: number, className?: string) => {
        const span = el("span", { text, ...(className && { class: className }) });
        if (at === positions) span.dataset.i18n = "timeline.all";
        // The thumb's centre travels 8px inside each end of the track.
        span.style.left = `calc(8px + (100% - 16px) * ${at / positions})`;
        return span;
      };
      ends.replaceChildren(
        label(String(range.start), 0),
        label(String(range.end), range.end - range.start, "timeline-last"),
        label(t("timeline.all"), positions),
      );
      fitEnds();
      status.remove();
      events = response.events;
      replaceChildren(list, events.map(eventItem));
      this.update(store.get());
    },
    fail(message) {
      delete status.dataset.i18n;
      status.textContent = t("timeline.failed", { message });
      status.classList.add("error-text");
    },
    update(state) {
      const year = state.year;
      if (state.lang !== lang) {
        lang = state.lang;
        replaceChildren(list, events.map(eventItem));
      }
      output.textContent = year === null ? t("timeline.allYears") : String(year);
      bar.classList.toggle("timeline-all", year === null);
      showPlaying();
      if (!range) return;
      slider.value = String(year ?? range.end + 1);
      slider.setAttribute("aria-valuetext", year === null ? t("timeline.allYears") : String(year));
      const said = year === null ? "" : describe(year, range.end);
      change.hidden = said === "";
      if (change.textContent !== said) change.textContent = said;
      for (const button of list.querySelectorAll<HTMLButtonElement>("button.event")) {
        button.classList.toggle("event-now", year !== null && Number(button.dataset.year) === year);
      }
    },
  };
}
