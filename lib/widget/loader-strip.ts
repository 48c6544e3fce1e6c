// How the loader is served: full-line comments and indentation dropped. Safe because the source
// (lib/widget/loader.js) keeps one statement per line and no multi-line strings. Pure: the route and
// the size benchmark use the same transform.
export function stripLoaderSource(source: string): string {
  return `${source
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("//"))
    .join("\n")}\n`;
}
