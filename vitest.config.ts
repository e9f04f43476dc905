import { defineConfig } from "vitest/config";

// Files starting with "_" are helpers, never tests (sigma's convention).
export default defineConfig({
  test: {
    include: ["test/**/[^_]*.test.ts"],
    // Every supertest response is checked against the OpenAPI document.
    setupFiles: ["test/_contract-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
