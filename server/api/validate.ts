/**
 * Runs a request schema over `req.query` or `req.params` and turns the first zod issue into a
 * ValidationError that names the parameter, what was wrong and, for closed sets, the allowed values.
 */
import type { z } from "zod";
import { ValidationError } from "./errors";

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys((schema as unknown as z.ZodObject).shape ?? {});
    throw new ValidationError(issue.keys[0]!, `unknown parameter "${issue.keys[0]}"`, known);
  }
  const parameter = String(issue.path[0] ?? "(query)");
  const received = (input as Record<string, unknown>)?.[parameter];
  if (issue.code === "invalid_type" && Array.isArray(received)) {
    throw new ValidationError(parameter, `${parameter} was given more than once; give it once`);
  }
  if (issue.code === "invalid_type" && received === undefined) {
    throw new ValidationError(parameter, `${parameter} is required`);
  }
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map(String);
    // For comma-separated lists the issue path is [parameter, index] into the split list.
    const index = issue.path[1];
    const bad =
      typeof index === "number"
        ? String(received)
            .split(",")
            .map((v) => v.trim())
            .filter(Boolean)[index]
        : String(received);
    throw new ValidationError(parameter, `"${bad.slice(0, 100)}" is not a valid ${parameter}`, allowed);
  }
  throw new ValidationError(parameter, `${parameter} ${issue.message}`);
}
