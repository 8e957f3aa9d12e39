/**
 * Respondent links carry their single-use token in the path (/s/<token>, /unsubscribe/<token>):
 * access log lines (http/request-id.ts) and trace spans (platform/observability/tracing.ts) show
 * the path with the token cut out. Imports nothing: tracing loads it before any instrumented module.
 */
export const redactPath = (path: string) => path.replace(/^\/(s|unsubscribe)\/[^/]+/, '/$1/[token]');
