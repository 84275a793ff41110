import type { z } from 'zod';

/**
 * One contract call: its input schema, with the output type as a phantom. In its own module so
 * feature contracts (shared/contracts/*) and shared/contract.ts, which joins them, can all use
 * it without an import cycle.
 */
export interface Call<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

/** Declares one call: `call<Output>()(InputSchema)`. */
export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): Call<I, O> => ({ input });
