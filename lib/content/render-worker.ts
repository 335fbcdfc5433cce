import { parentPort } from "node:worker_threads";
import { renderMarkdown } from "./markdown";

// One rendering thread of lib/content/render-pool.ts: Markdown in, rendered HTML and text out, or
// the error the renderer threw (a stack overflow on a shape the limits did not foresee).

export interface RenderJob {
  id: number;
  markdown: string;
}

export type RenderReply =
  | { id: number; ok: true; rendered: ReturnType<typeof renderMarkdown> }
  | { id: number; ok: false; error: string };

parentPort!.on("message", ({ id, markdown }: RenderJob) => {
  let reply: RenderReply;
  try {
    reply = { id, ok: true, rendered: renderMarkdown(markdown) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort!.postMessage(reply);
});
