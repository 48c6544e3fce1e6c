// The hand-over of a table's rows text from the server rendering to the HTML rendering of the same
// request (components/ui/HtmlRows.tsx). Both run in this process but in separate module graphs,
// hence one map on globalThis. An entry is taken once; one the HTML rendering never asked for (the
// request failed first) is dropped after a few seconds.
const STORE = Symbol.for("pos.htmlRowsHandover");
type TStore = Map<string, string[]>;

function store(): TStore {
  const g = globalThis as unknown as Record<symbol, TStore | undefined>;
  return (g[STORE] ??= new Map());
}

/** The texts of the table's `<tbody>`s, one per group of rows. */
export function handOver(key: string, texts: string[]): void {
  store().set(key, texts);
  setTimeout(() => store().delete(key), 10_000).unref();
}

export function takeOver(key: string): string[] {
  const s = store();
  const texts = s.get(key) ?? [];
  s.delete(key);
  return texts;
}
