/** Character codes the XML scanner and the sheet's fast cell path compare against. */
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const DQUOTE = 34;
export const SQUOTE = 39;
export const COLON = 58;
export const EQ = 61;
export const AMP = 38;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
