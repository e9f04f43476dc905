import { describe, expect, it } from "vitest";
import { decodeUrlState, encodeUrlState } from "../../client/src/core/url/codec";
import type { UrlState } from "../../client/src/core/state/types";

const empty: UrlState = {
  selection: null,
  hiddenTypes: new Set(),
  hiddenRelations: new Set(),
  neighbourhood: null,
  path: null,
  lang: "en",
  camera: null,
  year: null,
};

describe("URL codec", () => {
  it("writes nothing for the default view", () => {
    expect(encodeUrlState(empty)).toBe("");
    expect(decodeUrlState("")).toEqual(empty);
  });

  it("round-trips a full view", () => {
    const state: UrlState = {
      selection: { kind: "node", key: "lei-jun" },
      hiddenTypes: new Set(["person", "event"]),
      hiddenRelations: new Set(["cites"]),
      neighbourhood: { center: "xiaomi", depth: 2, direction: "out", relations: ["customer_of", "holds_stake_in"] },
      path: { from: "cui-baoqiu", to: "chatglm-6b" },
      lang: "zh",
      camera: { x: 0.51234567, y: 0.4, ratio: 0.25, angle: 0 },
      year: 2019,
    };
    const search = encodeUrlState(state);
    expect(search).toBe(
      "node=lei-jun&hide=event%2Cperson&hiderel=cites&hood=xiaomi&depth=2&dir=out&hoodrel=customer_of%2Cholds_stake_in&from=cui-baoqiu&to=chatglm-6b&lang=zh&cam=0.5123%2C0.4%2C0.25&year=2019",
    );
    const decoded = decodeUrlState(`?${search}`);
    expect(decoded.selection).toEqual(state.selection);
    expect([...decoded.hiddenTypes].sort()).toEqual(["event", "person"]);
    expect([...decoded.hiddenRelations]).toEqual(["cites"]);
    expect(decoded.neighbourhood).toEqual(state.neighbourhood);
    expect(decoded.path).toEqual(state.path);
    expect(decoded.lang).toBe("zh");
    expect(decoded.camera).toEqual({ x: 0.5123, y: 0.4, ratio: 0.25, angle: 0 });
    expect(decoded.year).toBe(2019);
  });

  it("round-trips the timeline year and leaves it out for all years", () => {
    for (const year of [1900, 2013, 2020, 2024, 2100]) {
      const search = encodeUrlState({ ...empty, year });
      expect(search).toBe(`year=${year}`);
      expect(decodeUrlState(`?${search}`)).toEqual({ ...empty, year });
    }
    expect(encodeUrlState({ ...empty, year: null })).toBe("");
  });

  it("ignores a year that ?asOf= would refuse", () => {
    for (const bad of ["1899", "2101", "20a9", "2019.5", "-2019", "+2019", "02019", "", "all", " 2019", "1e3"]) {
      expect(decodeUrlState(`?year=${encodeURIComponent(bad)}`).year, bad).toBeNull();
    }
    expect(decodeUrlState("?node=xiaomi&year=2019&year=2021").year).toBe(2019);
  });

  it("keeps edge selections and keys with odd characters", () => {
    const state = { ...empty, selection: { kind: "edge" as const, key: "xiaomi__customer_of__kingsoft-cloud" } };
    expect(decodeUrlState(encodeUrlState(state)).selection).toEqual(state.selection);
    const odd = { ...empty, selection: { kind: "node" as const, key: "a&b=c d" } };
    expect(decodeUrlState(encodeUrlState(odd)).selection).toEqual(odd.selection);
  });

  it("drops what it does not understand instead of failing", () => {
    const decoded = decodeUrlState(
      "?hide=person,spaceship&hiderel=nope&hood=x&depth=9&dir=sideways&from=a&lang=fr&cam=1,2",
    );
    expect([...decoded.hiddenTypes]).toEqual(["person"]);
    expect(decoded.hiddenRelations.size).toBe(0);
    expect(decoded.neighbourhood).toEqual({ center: "x", depth: 1, direction: "both", relations: [] });
    expect(decoded.path).toBeNull();
    expect(decoded.lang).toBe("en");
    expect(decoded.camera).toBeNull();
    expect(decodeUrlState("?cam=0.5,0.5,-1").camera).toBeNull();
    expect(decodeUrlState("?cam=0.5,0.5,abc").camera).toBeNull();
    expect(decodeUrlState("?cam=0.5,0.5,2,0.3").camera).toEqual({ x: 0.5, y: 0.5, ratio: 2, angle: 0.3 });
  });
});
