/** The default request log: lines reach stdout in order, gathered into one write per turn of the event loop. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { stdoutLog } from "../../server/api/request-log";

afterEach(() => vi.restoreAllMocks());

describe("stdoutLog", () => {
  it("writes the lines of one turn together, in order, after the turn", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    stdoutLog("GET /api/health 200 0.1ms");
    stdoutLog("GET /api/search?q=x 200 0.4ms");
    expect(write).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith("GET /api/health 200 0.1ms\nGET /api/search?q=x 200 0.4ms\n");

    stdoutLog("GET /api/schema 200 0.2ms");
    await new Promise((resolve) => setImmediate(resolve));
    expect(write).toHaveBeenCalledTimes(2);
    expect(write).toHaveBeenLastCalledWith("GET /api/schema 200 0.2ms\n");
  });
});
