/**
 * Finds the `rel="next"` target of a `Link` header (RFC 8288): `<uri>; rel="next"`, several links
 * separated by commas, `rel` quoted or bare and possibly listing several relations. The target is
 * returned as written (relative or absolute, query intact): resolve it against the request's URL.
 */
export function nextLink(header: string | null | undefined): string | undefined {
  for (const link of splitLinks(header ?? '')) {
    const relations = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(link.params);
    const names = (relations?.[1] ?? relations?.[2] ?? '').toLowerCase().split(/\s+/);

    if (names.includes('next')) {
      return link.target;
    }
  }

  return undefined;
}

interface LinkValue {
  readonly target: string;
  readonly params: string;
}

function splitLinks(header: string): LinkValue[] {
  const links: LinkValue[] = [];
  let position = 0;

  while (position < header.length) {
    const open = header.indexOf('<', position);
    const close = open < 0 ? -1 : header.indexOf('>', open);
    if (close < 0) {
      break;
    }

    const end = paramsEnd(header, close + 1);
    links.push({ target: header.slice(open + 1, close).trim(), params: header.slice(close + 1, end) });
    position = end + 1;
  }

  return links;
}

/** Where a link's parameters end: the first comma outside quotes, or the end. */
function paramsEnd(header: string, from: number): number {
  let quoted = false;

  for (let index = from; index < header.length; index++) {
    if (header[index] === '"') {
      quoted = !quoted;
    } else if (header[index] === ',' && !quoted) {
      return index;
    }
  }

  return header.length;
}
