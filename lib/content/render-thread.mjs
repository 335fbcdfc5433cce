// Entry of a rendering thread (lib/content/render-pool.ts): registers tsx's loader in this thread,
// then loads the TypeScript worker. Plain JavaScript because nothing can load TypeScript before it.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
