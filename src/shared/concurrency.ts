// Work over many cases, a few at a time: enough to overlap waiting on the disk or the network, never hundreds of
// open files or requests at once. The one place that bounds concurrency.

/**
 * `work` for each item in the items' order, at most `limit` at a time. Once `signal` is aborted no further item is
 * started; those already started finish. Resolves to how many were started (the rest were never touched).
 */
export async function forEachWithLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, Math.floor(limit)), items.length) }, worker));
  return next;
}

/** `work` for each item, at most `limit` at a time; the results in the items' order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachWithLimit(items, limit, async (item, index) => {
    results[index] = await work(item, index);
  });
  return results;
}

/** Resolves after `ms`, or as soon as `signal` is aborted (it never rejects). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
