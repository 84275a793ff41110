import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
let prefix = '';
let tail = '';
/** Random tails drawn 512 at a time: one randomBytes call per new millisecond cost 0.1 s per 100k rows. */
const pool = { bytes: Buffer.alloc(0), at: 0 };
function randomTail(): string {
  if (pool.at >= pool.bytes.length) {
    pool.bytes = randomBytes(6 * 512);
    pool.at = 0;
  }
  pool.at += 6;
  return pool.bytes.toString('hex', pool.at - 6, pool.at);
}

/**
 * Time-ordered UUIDs (version 7) for rows a bulk import creates: consecutive ids sort
 * together, so a million inserts append to the primary-key index instead of landing on
 * random pages of it. A counter keeps ids of the same millisecond in order.
 */
export function orderedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
    tail = randomTail();
    const ms = now.toString(16).padStart(12, '0');
    prefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7`;
  } else {
    sequence++;
  }
  // The counter's high 12 bits in rand_a, its low 14 bits after the variant: ids stay in order.
  const seq = (Math.floor(sequence / 0x4000) & 0xfff).toString(16).padStart(3, '0');
  const hi = ((sequence & 0x3fff) | 0x8000).toString(16);
  return `${prefix}${seq}-${hi}-${tail}`;
}
