/**
 * A search snippet. The server wraps matches in <mark> and HTML-escapes everything else, so this is
 * the one place the portal sets HTML; never pass it anything but a `highlight` field.
 */
export function Highlighted({ html, className }: { html: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
