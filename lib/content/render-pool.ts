import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RenderedMarkdown } from "./markdown";
import type { RenderJob, RenderReply } from "./render-worker";

// Markdown is rendered on worker threads, one file at a time per thread, each under a deadline. A
// file the renderer chokes on (too slow, too deep, too much memory) costs one thread, which is
// replaced, and becomes a located problem; the ingest never hangs and never crashes. Threads also
// render a batch on every core at once.

export class RenderError extends Error {}

export interface RenderPool {
  render(markdown: string): Promise<RenderedMarkdown>;
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  threads?: number;
  timeoutMs: number;
  /** Heap of one rendering thread: a hostile file fails alone instead of exhausting the process. */
  maxHeapMb?: number;
}

interface Task {
  job: RenderJob;
  resolve: (rendered: RenderedMarkdown) => void;
  reject: (error: Error) => void;
}

// The worker is TypeScript: render-thread.mjs registers tsx's loader in the new thread, whatever
// started this process (tsx, Vitest), then loads render-worker.ts.
const WORKER_FILE = fileURLToPath(new URL("./render-thread.mjs", import.meta.url));

class Thread {
  private worker: Worker | null = null;
  private task: Task | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: Required<RenderPoolOptions>,
    private readonly onIdle: (thread: Thread) => void,
  ) {}

  get busy(): boolean {
    return this.task !== null;
  }

  run(task: Task): void {
    this.task = task;
    const worker = this.worker ?? this.spawn();
    this.timer = setTimeout(() => {
      this.fail(new RenderError(`rendering took longer than ${this.options.timeoutMs / 1000} s`), true);
    }, this.options.timeoutMs);
    worker.postMessage(task.job);
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    worker.on("message", (reply: RenderReply) => {
      if (!this.task || reply.id !== this.task.job.id) return;
      if (reply.ok) this.finish(() => this.task!.resolve(reply.rendered));
      else this.fail(new RenderError(`the renderer failed (${reply.error})`), false);
    });
    worker.on("error", (error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
      this.fail(new RenderError(outOfMemory ? `rendering needs more than ${this.options.maxHeapMb} MB` : error.message), true);
    });
    worker.on("exit", () => {
      if (this.worker !== worker) return; // a thread this one already replaced
      this.worker = null;
      this.fail(new RenderError("the rendering thread stopped"), false);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private finish(settle: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    settle();
    this.task = null;
    this.onIdle(this);
  }

  private fail(error: Error, kill: boolean): void {
    if (!this.task) return;
    const task = this.task;
    if (kill && this.worker) {
      const worker = this.worker;
      this.worker = null; // a fresh thread takes the next file
      void worker.terminate();
    }
    this.finish(() => task.reject(error));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const settings: Required<RenderPoolOptions> = {
    threads: options.threads ?? Math.max(1, Math.min(availableParallelism(), 8)),
    timeoutMs: options.timeoutMs,
    maxHeapMb: options.maxHeapMb ?? 512,
  };
  const queue: Task[] = [];
  let nextId = 0;
  const onIdle = (thread: Thread) => {
    const task = queue.shift();
    if (task) thread.run(task);
  };
  const threads = Array.from({ length: settings.threads }, () => new Thread(settings, onIdle));
  return {
    render(markdown) {
      return new Promise<RenderedMarkdown>((resolve, reject) => {
        const task: Task = { job: { id: nextId++, markdown }, resolve, reject };
        const idle = threads.find((t) => !t.busy);
        if (idle) idle.run(task);
        else queue.push(task);
      });
    },
    async close() {
      for (const task of queue.splice(0)) task.reject(new RenderError("the render pool was closed"));
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}
