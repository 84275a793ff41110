/**
 * A pure one-argument function remembered by argument, for values that repeat by the
 * thousand: an imported sheet's texts, periods and dates, a plan's periods. Past `limit`
 * distinct arguments the memory starts again rather than growing with the input.
 */
export function memoised<A extends string | number, R>(fn: (arg: A) => R, limit = 100_000): (arg: A) => R {
  const seen = new Map<A, R>();
  return (arg) => {
    let result = seen.get(arg);
    if (result === undefined && !seen.has(arg)) {
      result = fn(arg);
      if (seen.size >= limit) seen.clear();
      seen.set(arg, result);
    }
    return result as R;
  };
}
