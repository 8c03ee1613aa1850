import { createHash } from 'node:crypto';

/** A number in [0, modulo) that depends only on `text`: ids and sizes stay the same from run to run. */
export function stableNumber(text: string, modulo: number): number {
  const digest = createHash('sha256').update(text).digest();

  return digest.readUInt32BE(0) % modulo;
}

/** A fast digest for cache validators (ETags), where collisions only cost a refetch. */
export function quickDigestHex(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The SHA git gives a file's content (`git hash-object`). */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');

  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
