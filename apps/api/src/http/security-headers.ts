import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';

/**
 * Response headers of every route (helmet): a strict content security policy (scripts only from
 * this origin, no inline script, no eval; no plugins; no framing by anyone: frame-ancestors 'none'
 * and X-Frame-Options DENY), X-Content-Type-Options nosniff, Referrer-Policy no-referrer (survey
 * links carry their token in the path, so no page may hand its address to another site), and
 * Strict-Transport-Security in production only (a development server speaks plain HTTP).
 *
 * Inline styles stay allowed: Vue's style bindings and GraphiQL (the admin's API explorer) set
 * them, and a style cannot run code. The explorer's editor starts web workers from blob: URLs.
 * Apollo's own landing page (development only: it loads the sandbox from Apollo's CDN) is the one
 * page served without the policy, and only while anyone may introspect (GRAPHQL_INTROSPECTION).
 */
export function securityHeaders(config: Config): RequestHandler {
  const production = config.env === 'production';
  const directives: Record<string, string[]> = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Only where the public address is https: a production server tried out over plain http
    // (a demo on a LAN address) would otherwise have every script and call upgraded and failing.
    ...(production && config.publicUrl.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
  };
  const common = {
    strictTransportSecurity: production ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' as const },
    xFrameOptions: { action: 'deny' as const },
    xContentTypeOptions: true,
  };
  const strict = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
  if (config.introspection !== 'everyone') return strict;
  const landing = helmet({ ...common, contentSecurityPolicy: false });
  const isLandingPage = (req: Parameters<RequestHandler>[0]) => req.method === 'GET' && req.path === '/graphql' && !!req.accepts('html') && !req.query.query;
  return (req, res, next) => (isLandingPage(req) ? landing(req, res, next) : strict(req, res, next));
}
