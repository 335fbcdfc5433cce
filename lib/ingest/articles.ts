import type { FileSummary } from "../content/scan";
import { insertRows } from "./bulk";
import type { Plan, Tx } from "./index";
import { chunk, loadBatch, type LoadedFile, type Loader } from "./load";

const BATCH = 250;

function articleRow(file: LoadedFile<"article">) {
  const { data } = file.parsed;
  const authors = data.author === undefined ? [] : Array.isArray(data.author) ? data.author : [data.author];
  return {
    slug: file.summary.slug,
    title: data.title,
    source: data.source,
    url: data.url ?? null,
    published: data.published.value,
    datePrecision: data.published.precision,
    approximate: data.approximate,
    dateStart: data.published.start,
    dateEnd: data.published.end,
    authors: JSON.stringify(authors),
    language: data.language,
    // A record without full text has our own summary as its body: it is the record's summary too.
    summary: data.summary ?? (data.fulltext ? null : file.rendered.text.trim().slice(0, 1000) || null),
    wordCount: file.rendered.wordCount,
    status: data.status,
    fulltext: data.fulltext,
    captured: data.captured ?? null,
    archive: data.archive ?? null,
    rights: data.rights ?? null,
    genre: data.genre ?? null,
    titleSupplied: data.titleSupplied,
    note: data.note ?? null,
    contentHash: file.summary.hash,
    sourcePath: file.summary.displayPath,
    removedAt: null,
  };
}

const BODY_COLUMNS = [
  ["articleId", "integer"],
  ["markdown", "text"],
  ["html", "text"],
  ["text", "text"],
] as const;

function bodyRow(file: LoadedFile<"article">) {
  return { markdown: file.parsed.body, html: file.rendered.html, text: file.rendered.text };
}

/** The version as an editor wrote it: kept in full in the revision history. */
function revisionFrontmatter(file: LoadedFile<"article">): string {
  const { published, ...rest } = file.parsed.data;
  return JSON.stringify({ ...rest, published: published.value });
}

/** Writes a batch of loaded articles and their revisions; returns their ids. */
async function writeBatch(tx: Tx, files: LoadedFile<"article">[]): Promise<number[]> {
  const slugs = files.map((f) => f.summary.slug);
  const existing = new Map(
    (await tx.article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((a) => [a.slug, a.id]),
  );
  // The latest revision of each existing article: its version number, and its content, so that a
  // re-render (new RENDER_VERSION) of unchanged text does not pile up identical revisions.
  const latest = new Map(
    (
      await tx.revision.findMany({
        where: { articleId: { in: [...existing.values()] } },
        orderBy: { version: "desc" },
        distinct: ["articleId"],
        select: { articleId: true, version: true, frontmatter: true, bodyMarkdown: true },
      })
    ).map((r) => [r.articleId, r]),
  );
  const fresh = files.filter((f) => !existing.has(f.summary.slug));
  const created = await tx.article.createManyAndReturn({ data: fresh.map(articleRow), select: { id: true, slug: true } });
  const ids = new Map([...existing, ...created.map((a) => [a.slug, a.id] as const)]);
  await insertRows(
    tx,
    "ArticleBody",
    BODY_COLUMNS,
    fresh.map((file) => {
      const body = bodyRow(file);
      return [ids.get(file.summary.slug)!, body.markdown, body.html, body.text];
    }),
  );
  for (const file of files) {
    const id = existing.get(file.summary.slug);
    if (id === undefined) continue;
    await tx.article.update({ where: { id }, data: articleRow(file) });
    await tx.articleBody.upsert({ where: { articleId: id }, create: { articleId: id, ...bodyRow(file) }, update: bodyRow(file) });
  }
  const revisions = files.flatMap((file) => {
    const articleId = ids.get(file.summary.slug)!;
    const previous = latest.get(articleId);
    const frontmatter = revisionFrontmatter(file);
    if (previous && previous.frontmatter === frontmatter && previous.bodyMarkdown === file.parsed.body) return [];
    return [
      {
        articleId,
        version: (previous?.version ?? 0) + 1,
        contentHash: file.summary.hash,
        frontmatter,
        bodyMarkdown: file.parsed.body,
        origin: "ingest",
      },
    ];
  });
  await tx.revision.createMany({ data: revisions });
  return [...ids.values()];
}

/** Rewrites the `related:` links of the changed articles, from the scan's references. */
async function writeLinks(tx: Tx, summaries: FileSummary[]): Promise<void> {
  const refs = summaries.flatMap((s) => s.refs).filter((r) => r.target === "article");
  const [articles, targets] = await Promise.all([
    tx.article.findMany({ where: { slug: { in: summaries.map((s) => s.slug) } }, select: { id: true, slug: true } }),
    tx.article.findMany({ where: { slug: { in: refs.map((r) => r.slug) } }, select: { id: true, slug: true } }),
  ]);
  const articleIds = new Map(articles.map((a) => [a.slug, a.id]));
  const targetIds = new Map(targets.map((a) => [a.slug, a.id]));
  await tx.articleLink.deleteMany({ where: { fromId: { in: [...articleIds.values()] } } });
  await tx.articleLink.createMany({
    data: summaries.flatMap((s) =>
      s.refs.filter((r) => r.target === "article").map((r) => ({ fromId: articleIds.get(s.slug)!, toId: targetIds.get(r.slug)! })),
    ),
  });
}

/** Starts loading a batch; a failure is seen when the batch is awaited (never an unhandled rejection). */
function prefetch(batch: FileSummary[], loader: Loader): Promise<LoadedFile<"article">[]> {
  const loading = loadBatch("article", batch, loader);
  loading.catch(() => {});
  return loading;
}

/** Returns the ids of the articles added, updated or removed. */
export async function writeArticles(tx: Tx, plan: Plan, loader: Loader): Promise<number[]> {
  const changed = [...plan.added, ...plan.updated];
  const ids: number[] = [];
  // Rows first (a `related:` target may be added in this same run), links second. The next batch
  // is read and rendered on the worker threads while this one is written: at most two batches of
  // bodies are in memory.
  const batches = chunk(changed, BATCH);
  let next = batches.length > 0 ? prefetch(batches[0]!, loader) : null;
  for (let i = 0; i < batches.length; i++) {
    const files = await next!;
    next = i + 1 < batches.length ? prefetch(batches[i + 1]!, loader) : null;
    ids.push(...(await writeBatch(tx, files)));
  }
  for (const batch of chunk(changed, BATCH)) await writeLinks(tx, batch);
  // A removed file leaves the public archive; its row and revisions stay for the record.
  for (const slugs of chunk(plan.removed, BATCH)) {
    await tx.article.updateMany({ where: { slug: { in: slugs } }, data: { removedAt: new Date() } });
    ids.push(...(await tx.article.findMany({ where: { slug: { in: slugs } }, select: { id: true } })).map((a) => a.id));
  }
  return ids;
}
