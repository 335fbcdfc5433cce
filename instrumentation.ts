// Runs once when the server starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  // Only the Node.js runtime has an http.Server to guard. NEXT_RUNTIME is set by Next.js itself and
  // inlined at build time, not configuration: that is why it is read here and not in lib/env.ts.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installHttpGuard } = await import("./lib/http/node-guard");
    installHttpGuard();
  }
}
