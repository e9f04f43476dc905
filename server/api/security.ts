/**
 * Security headers and cross-origin policy. The Content Security Policy allows only the app's own scripts,
 * styles and API; CORS is off unless origins are configured.
 */
import cors from "cors";
import type { RequestHandler } from "express";
import helmet from "helmet";

export interface SecurityOptions {
  /** Origins allowed to call the API from other sites; empty or absent means same origin only. */
  corsOrigins?: string[];
}

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        // ForceAtlas2's supervisor runs its worker from a blob: URL.
        workerSrc: ["'self'", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Downloads (GEXF, PNG) are same-origin; nothing needs cross-origin isolation.
    crossOriginEmbedderPolicy: false,
    // The same as frame-ancestors 'none', for browsers that know only this header.
    xFrameOptions: { action: "deny" },
    // The server speaks plain HTTP; HSTS means something only over HTTPS, which a proxy in front would add.
    strictTransportSecurity: false,
  });
}

export function corsPolicy({ corsOrigins = [] }: SecurityOptions): RequestHandler | undefined {
  if (corsOrigins.length === 0) return undefined;
  return cors({ origin: corsOrigins, methods: ["GET", "HEAD"], maxAge: 600 });
}
