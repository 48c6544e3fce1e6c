/** A name read as it is (HTML, CSP, React…): marked not to translate, so it is not Russian text gone wrong. */
export function Name({ children }: { children: string }) {
  return <span translate="no">{children}</span>;
}
