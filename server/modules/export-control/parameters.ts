/** Rules of technology export as data, each with its source (DOMAIN.md, parameters table). */
export const EXPORT_PARAMETERS = {
  /**
   * The authority decides on an application to export a restricted technology within 30 working days
   * of receiving it (技术进出口管理条例 art. 35–37); the deadline runs from the reviewer's restricted
   * decision, when the applicant is told to file.
   */
  licenceDecisionWorkingDays: { value: 30, source: '技术进出口管理条例 第三十五条至第三十七条' },
  /** A candidate needs at least this score (match.ts: each matched term counts its length in characters, ≥ 2). */
  candidateMinScore: { value: 2, source: 'screening heuristic (not a rule of law): one matched two-character term' },
} as const;
