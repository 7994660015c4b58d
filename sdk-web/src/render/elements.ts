// Small DOM builders. Message data only ever reaches the page through textContent and attributes.

let nextId = 0;

/** A document-unique id for aria-labelledby / aria-describedby links. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `marquee-${prefix}-${nextId}`;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text only screen readers read (the visible UI says it with a dot or an icon). */
export function screenReaderText(text: string): HTMLSpanElement {
  return element('span', 'marquee-sr-only', text);
}

/** A heading with an id, to label a dialog or a card. */
export function heading(tag: 'h2' | 'h3', text: string, className = 'marquee-title'): HTMLHeadingElement {
  const node = element(tag, className, text);
  node.id = uniqueId('title');
  return node;
}
