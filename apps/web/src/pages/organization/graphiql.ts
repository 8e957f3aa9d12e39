import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import type { Fetcher } from '@graphiql/toolkit';

/**
 * GraphiQL (React) inside the Vue app, bundled from the package into this page's own chunk, so
 * only an admin who opens the explorer loads React, and nothing comes from a CDN.
 */
export function mountGraphiQL(element: HTMLElement, fetcher: Fetcher, defaultQuery: string): Root {
  const root = createRoot(element);
  root.render(createElement(GraphiQL, { fetcher, defaultQuery, shouldPersistHeaders: false, isHeadersEditorEnabled: false }));
  return root;
}
