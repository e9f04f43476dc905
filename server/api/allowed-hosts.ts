/**
 * DNS-rebinding defence: a page on another site can point its own name at 127.0.0.1 and then read this API as
 * "same origin". The browser still sends that name as `Host`, so only requests naming a host the server is
 * really reachable as are answered: loopback names and addresses always, plus what the operator adds (the
 * address it binds to, `--allowed-hosts`).
 */
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import type { RequestHandler } from "express";
import { HttpError } from "./errors";

/** The host part of a `Host` header, lower-cased, without port, brackets or a trailing dot; undefined if malformed. */
export function hostName(header: string): string | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/i.exec(header.trim());
  const name = match?.[1] ?? match?.[2];
  return name?.toLowerCase().replace(/\.$/, "");
}

const isLoopback = (name: string): boolean =>
  name === "localhost" ||
  name.endsWith(".localhost") ||
  name === "::1" ||
  (isIP(name) === 4 && name.startsWith("127."));

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

/**
 * The names a server bound to `bindAddress` is reachable as besides loopback: the address itself, or every
 * address of this machine when it binds to all of them (0.0.0.0 or ::).
 */
export function boundHosts(bindAddress: string): string[] {
  if (!WILDCARDS.has(bindAddress)) return [bindAddress];
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((address) => (address ? [address.address.replace(/%.*$/, "")] : []));
}

/** Answers 403 problem+json to any request whose Host is neither loopback nor one of `extraHosts`. */
export function allowedHosts(extraHosts: readonly string[] = []): RequestHandler {
  const extra = new Set(extraHosts.map((h) => hostName(h) ?? h.toLowerCase()));
  return (req, _res, next) => {
    const header = req.headers.host;
    const name = header === undefined ? undefined : hostName(header);
    if (name !== undefined && (isLoopback(name) || extra.has(name))) return next();
    const shown = header === undefined ? "no Host header" : `Host "${header.slice(0, 200)}"`;
    next(
      new HttpError(
        403,
        "Host not allowed",
        `${shown} is not a name this server answers to; start it with --allowed-hosts NAME to allow a name`,
      ),
    );
  };
}
