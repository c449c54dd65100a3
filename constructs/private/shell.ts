/** Small helpers for generating POSIX shell. */

/**
 * Characters the shell takes literally in an unquoted word: no expansion, globbing, splitting or
 * operator can start with any of them. A word made only of these is written as it is, so that
 * the generated scripts read as a person writes shell (Python's `shlex.quote` draws the same line).
 */
const LITERAL_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A value as one shell word: as it is when every character is literal, else single-quoted. */
export function shellQuote(value: string): string {
  return LITERAL_WORD.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
