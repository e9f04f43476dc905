/**
 * DNS rebinding: a request naming a host the server is not reachable as gets 403, so a page that points its
 * own name at 127.0.0.1 cannot read the API. Loopback names always work; others only when allowed.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { boundHosts, hostName } from "../../server/api/allowed-hosts";
import { makeApp } from "./_app";

describe("Host allow-list", () => {
  const app = makeApp();

  it.each([
    "127.0.0.1:3000",
    "127.0.0.1",
    "localhost:3000",
    "LOCALHOST.",
    "app.localhost:8080",
    "[::1]:3000",
    "127.1.2.3",
  ])("answers loopback Host %s", async (host) => {
    await request(app).get("/api/health").set("Host", host).expect(200);
  });

  it.each(["rebind.attacker.example", "rebind.attacker.example:3000", "localhost.attacker.example", "10.0.0.5"])(
    "refuses Host %s with a 403 problem naming it",
    async (host) => {
      const res = await request(app).get("/api/nodes/xiaomi").set("Host", host).expect(403);
      expect(res.type).toBe("application/problem+json");
      expect(res.body).toMatchObject({ status: 403, title: "Host not allowed" });
      expect(res.body.detail).toContain(`Host "${host}"`);
      expect(res.body.detail).toContain("--allowed-hosts");
      expect(JSON.stringify(res.body)).not.toContain("Xiaomi");
    },
  );

  it("refuses the page too, not only the API", async () => {
    await request(app).get("/").set("Host", "rebind.attacker.example").expect(403);
  });

  it("answers the names it is given, and only those", async () => {
    const named = makeApp({ allowedHosts: ["kg.example.org", "192.168.1.20"] });
    await request(named).get("/api/health").set("Host", "kg.example.org:3000").expect(200);
    await request(named).get("/api/health").set("Host", "KG.example.org").expect(200);
    await request(named).get("/api/health").set("Host", "192.168.1.20:3000").expect(200);
    await request(named).get("/api/health").set("Host", "other.example.org").expect(403);
  });
});

describe("hostName", () => {
  it.each([
    ["localhost:3000", "localhost"],
    ["[::1]:3000", "::1"],
    ["[::1]", "::1"],
    ["Example.COM.", "example.com"],
    ["a:b:c", undefined],
    ["", undefined],
  ])("reads %j as %j", (header, name) => {
    expect(hostName(header)).toBe(name);
  });
});

describe("boundHosts", () => {
  it("is the address itself, or every address of the machine for a wildcard", () => {
    expect(boundHosts("192.168.1.20")).toEqual(["192.168.1.20"]);
    const all = boundHosts("0.0.0.0");
    expect(all).toContain("127.0.0.1");
    expect(all.length).toBeGreaterThan(0);
  });
});
