// Worker threads do not inherit tsx's loader, so the worker registers it before loading its TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./metrics-worker.ts");
