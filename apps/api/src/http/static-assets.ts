import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';

/**
 * The built web app (apps/web/dist), served the way a phone on a slow network needs it:
 *
 * - precompressed: the build writes `file.br` and `file.gz` beside each text file
 *   (apps/web/scripts/compress.mjs); a request gets the smallest variant its Accept-Encoding takes
 *   (brotli, then gzip, else the file itself), with Content-Encoding and Vary: Accept-Encoding;
 * - cached: hashed files under /assets never change (`public, max-age=31536000, immutable`); pages
 *   are revalidated every time (`no-cache`, with ETag), so a deploy is seen at once; anything else
 *   (the favicon) an hour;
 * - two pages: the respondent's links (/s/<token>, /unsubscribe/<token>) get the light entry
 *   survey.html; every other page the staff app's index.html, which routes on the client.
 *
 * The files are listed once at start; only those are served, so no request path reaches the disk.
 */

interface Asset {
  file: string;
  type: string;
  br: boolean;
  gz: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
const OTHER = 'public, max-age=3600';

/** The respondent's pages: the paths survey mails link to. */
const RESPONDENT_PAGE = /^\/(?:s|unsubscribe)\/[^/]+\/?$/;

function listFiles(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const relative = base ? `${base}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, relative) : entry.isFile() ? [relative] : [];
  });
}

/** The files of the build by URL path, each with its precompressed variants. */
export function listAssets(dist: string): Map<string, Asset> {
  const files = new Set(listFiles(dist));
  const assets = new Map<string, Asset>();
  for (const relative of files) {
    if (relative.endsWith('.br') || relative.endsWith('.gz')) continue;
    assets.set(`/${relative}`, {
      file: path.join(dist, relative),
      type: TYPES[path.extname(relative).toLowerCase()] ?? 'application/octet-stream',
      br: files.has(`${relative}.br`),
      gz: files.has(`${relative}.gz`),
    });
  }
  return assets;
}

/** The encodings an Accept-Encoding header takes (q > 0), lower-cased. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name);
  }
  return accepted;
}

function send(req: Request, res: Response, next: NextFunction, asset: Asset, cacheControl: string): void {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const encoding = asset.br && (accepted.has('br') || accepted.has('*')) ? 'br' : asset.gz && (accepted.has('gzip') || accepted.has('*')) ? 'gzip' : null;
  res.setHeader('Content-Type', asset.type);
  res.setHeader('Cache-Control', cacheControl);
  if (asset.br || asset.gz) res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  const file = encoding === 'br' ? `${asset.file}.br` : encoding === 'gzip' ? `${asset.file}.gz` : asset.file;
  res.sendFile(file, { cacheControl: false, dotfiles: 'allow' }, (error) => {
    if (error && !res.headersSent) next(error);
  });
}

/** Serves the web app from dist on the Express app; false when there is no build (no index.html). */
export function serveWebApp(app: Express, dist: string): boolean {
  if (!existsSync(path.join(dist, 'index.html')) || !statSync(dist).isDirectory()) return false;
  const assets = listAssets(dist);
  const index = assets.get('/index.html')!;
  const survey = assets.get('/survey.html') ?? index;

  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const asset = assets.get(req.path);
    if (asset) {
      const cache = req.path.startsWith('/assets/') ? IMMUTABLE : asset.type.startsWith('text/html') ? REVALIDATE : OTHER;
      return send(req, res, next, asset, cache);
    }
    // A hashed file that is not (or no longer) there is a 404, never a page.
    if (req.path.startsWith('/assets/') || !req.accepts('html')) return next();
    return send(req, res, next, RESPONDENT_PAGE.test(req.path) ? survey : index, REVALIDATE);
  });
  return true;
}
