// Security headers for every response. They are set twice on purpose: next.config.ts `headers()`
// covers everything Next serves itself (pages, static files), and proxy.ts adds them to the
// answers it writes (400, 405), which `headers()` does not always reach. One list for both.

// Next.js inlines small bootstrap scripts, hence 'unsafe-inline' for scripts; nothing is ever
// loaded from another origin.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
