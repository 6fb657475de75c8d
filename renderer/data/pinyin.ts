import type { pinyin as Pinyin } from 'pinyin-pro';
import type { InitialsOf } from '../../shared/rules/visitor.ts';

// pinyin-pro carries a dictionary of several hundred kB: it is imported dynamically, so the bundler
// splits it out of the main chunk and the desk starts without it. The loaded function is cached here
// because IndexedDB transactions cannot await an import: writers load it first (preloadInitials)
// and projections read it synchronously inside the transaction (initialsSync).

let loaded: InitialsOf | null = null;
let loading: Promise<InitialsOf> | null = null;

function initialsWith(pinyin: typeof Pinyin): InitialsOf {
  return (text, options) => {
    const common = { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;
    const letters = options?.personalName
      ? // A surname at the head is read as a surname: 曾国藩 → zgf, 单田芳 → stf.
        pinyin(text.normalize('NFKC'), { ...common, mode: 'surname', surname: 'head' })
      : pinyin(text.normalize('NFKC'), common);
    return letters
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  };
}

/** Lowercase pinyin initials of Chinese text (张三 → 'zs'); loads pinyin-pro on first use. */
export function loadInitials(): Promise<InitialsOf> {
  loading ??= import('pinyin-pro').then(
    ({ pinyin }) => (loaded = initialsWith(pinyin)),
    (error: unknown) => {
      loading = null; // let a later call try again
      throw error;
    },
  );
  return loading;
}

/** The initials function if it has been loaded, for code that runs inside a transaction. */
export function initialsSync(): InitialsOf | null {
  return loaded;
}

/**
 * Load the initials function before a write transaction. Never rejects: recording a contact must not
 * fail because a search helper did not load. Visitors written without it are marked initialsPending
 * and completed by ensureVisitorIndex, which does report the failure.
 */
export async function preloadInitials(): Promise<void> {
  if (loaded) return;
  await loadInitials().catch(() => undefined);
}
