// Loads a part on first use, once: the parts split off by the bundler are imported through here.

/** The first call starts `load`; every call gets its one promise. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
