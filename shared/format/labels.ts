/**
 * How capital types and funding sources are named, by the core's messages and on the screens alike, so the same
 * money reads the same way everywhere.
 */

/**
 * A capital type (loại vốn) in words. `short` in tables and headings (ĐTPT, SN); `named` in a sentence next to
 * other keys (vốn ĐTPT, kinh phí SN); `full` where the whole term is wanted (vốn đầu tư phát triển, kinh phí sự nghiệp).
 * Codes are DTPT (đầu tư phát triển) and SN (sự nghiệp); anything that is not DTPT is recurrent money.
 */
export function capitalTypeLabel(code: string, form: 'short' | 'named' | 'full' = 'short'): string {
  const investment = code === 'DTPT';
  switch (form) {
    case 'short':
      return investment ? 'ĐTPT' : 'SN';
    case 'named':
      return investment ? 'vốn ĐTPT' : 'kinh phí SN';
    case 'full':
      return investment ? 'vốn đầu tư phát triển' : 'kinh phí sự nghiệp';
  }
}

/** A funding source by its short name from the catalog's list (NSTW, NS tỉnh đối ứng…); its code when not listed. */
export function sourceShortName(sources: readonly { code: string; shortName: string }[] | undefined, code: string): string {
  return sources?.find((s) => s.code === code)?.shortName ?? code;
}
