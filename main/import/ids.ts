import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
const tail = randomBytes(8);

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
    tail.set(randomBytes(8));
  } else {
    sequence++;
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  // The counter's high 12 bits in rand_a, its low 14 bits after the variant: ids stay in order.
  const seq = (Math.floor(sequence / 0x4000) & 0xfff).toString(16).padStart(3, '0');
  const hi = ((sequence & 0x3fff) | 0x8000).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${seq}-${hi}-${tail.toString('hex', 0, 6)}`;
}
