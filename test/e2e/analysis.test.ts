/**
 * The sidebar's analysis in the page: the selected entity's measures with ranks, and its control chains (¶38:
 * Xiaomi's 12.3 % of Kingsoft Cloud, Lei Jun on both sides; ¶39: Kingsoft Group, implied, share not given),
 * whose links select what they name; in English and in Chinese.
 */
import { describe, expect, it } from "vitest";
import { skipReason, useExplorer } from "./_harness";

const reason = skipReason();

describe.skipIf(reason !== null)("explorer page: an entity's measures and control chains", () => {
  const explorer = useExplorer();

  it("shows Kingsoft Cloud's measures with ranks and who controls it, and its links select", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?node=kingsoft-cloud`);
    const sidebar = page.locator("#sidebar");
    const position = sidebar.locator("section.analysis", { hasText: "Position in the graph" });
    await position.waitFor();
    const total = await page.evaluate(() => window.explorer!.graph.order);
    // Kingsoft Cloud is the article's subject: the most connected entity.
    await expect.poll(() => position.locator("dd").first().textContent()).toMatch(new RegExp(`rank 1 of ${total}$`));
    await expect.poll(() => position.textContent()).toMatch(/Community\s*\d+ of \d+, \d+ entities/);

    const control = sidebar.locator("section.analysis", { hasText: "Control" });
    const owners = control.locator("ul.control-list").first();
    await expect
      .poll(() => owners.locator("li").allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Xiaomi.*12\.3 %/),
          expect.stringMatching(/^Kingsoft Group.*share not given/),
        ]),
      );
    await expect
      .poll(() => control.textContent())
      .toMatch(/People on both sides.*Lei Jun.*: chairs Kingsoft Cloud.*; .*Xiaomi/s);

    await owners.locator("a.node-link", { hasText: "Xiaomi" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("node")).toBe("xiaomi");
    await expect.poll(() => sidebar.locator("#detail-title").textContent()).toBe("Xiaomi");
    await expect
      .poll(() => sidebar.locator("section.analysis", { hasText: "Control" }).textContent())
      .toMatch(/Holds.*Kingsoft Cloud.*12\.3 %/s);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says the same in Chinese", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?node=kingsoft-cloud&lang=zh`);
    const sidebar = page.locator("#sidebar");
    await sidebar.locator("section.analysis", { hasText: "网络位置" }).waitFor();
    await expect
      .poll(() => sidebar.locator("section.analysis", { hasText: "网络位置" }).textContent())
      .toMatch(/第 1 名/);
    await expect
      .poll(() => sidebar.locator("section.analysis", { hasText: "控制关系" }).textContent())
      .toMatch(/持有方.*小米.*12\.3 %/s);
    expect(problems).toEqual([]);
    await page.close();
  });
});
