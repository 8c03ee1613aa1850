/**
 * Reads a `WWW-Authenticate` header (RFC 7235): one or more challenges, each a scheme with
 * `name=value` parameters, values bare or quoted (a quoted value may hold commas, `=` and `\"`),
 * in any order. The registry's is `Bearer realm="…",service="…",scope="…"`.
 */
export interface AuthChallenge {
  /** Lower-cased, e.g. `bearer`. */
  readonly scheme: string;

  /** Parameter names lower-cased. */
  readonly params: Readonly<Record<string, string>>;
}

export interface BearerChallenge {
  readonly realm: string;
  readonly service?: string;
  readonly scope?: string;
  readonly error?: string;
}

export function parseChallenges(header: string): AuthChallenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  const reader = new HeaderReader(header);

  while (reader.skipSeparators()) {
    const name = reader.readToken();
    if (name.length === 0) {
      reader.skipOne();
      continue;
    }

    if (!reader.skipEquals()) {
      challenges.push({ scheme: name.toLowerCase(), params: {} });
      continue;
    }

    const value = reader.readValue();
    const current = challenges[challenges.length - 1];
    if (current) {
      current.params[name.toLowerCase()] = value;
    }
  }

  return challenges;
}

/** The first Bearer challenge that names a realm, or undefined. */
export function bearerChallenge(header: string | null | undefined): BearerChallenge | undefined {
  const challenge = parseChallenges(header ?? '').find(
    (candidate) => candidate.scheme === 'bearer' && candidate.params.realm,
  );

  if (!challenge) {
    return undefined;
  }

  const { realm, service, scope, error } = challenge.params;

  return {
    realm,
    ...(service !== undefined ? { service } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

const TOKEN_END = /[\s,="]/;

class HeaderReader {
  private position = 0;

  constructor(private readonly text: string) {}

  /** Skips spaces and commas; false at the end. */
  skipSeparators(): boolean {
    while (this.position < this.text.length && /[\s,]/.test(this.text[this.position])) {
      this.position++;
    }

    return this.position < this.text.length;
  }

  skipOne(): void {
    this.position++;
  }

  readToken(): string {
    const start = this.position;

    while (this.position < this.text.length && !TOKEN_END.test(this.text[this.position])) {
      this.position++;
    }

    return this.text.slice(start, this.position);
  }

  /** Consumes `=` (with spaces around it) when the next thing is one. */
  skipEquals(): boolean {
    const rest = /^\s*=\s*/.exec(this.text.slice(this.position));
    if (!rest) {
      return false;
    }

    this.position += rest[0].length;
    return true;
  }

  readValue(): string {
    if (this.text[this.position] !== '"') {
      const start = this.position;

      while (this.position < this.text.length && !/[\s,]/.test(this.text[this.position])) {
        this.position++;
      }

      return this.text.slice(start, this.position);
    }

    let value = '';
    this.position++;

    while (this.position < this.text.length && this.text[this.position] !== '"') {
      if (this.text[this.position] === '\\' && this.position + 1 < this.text.length) {
        this.position++;
      }

      value += this.text[this.position];
      this.position++;
    }

    this.position++;
    return value;
  }
}
