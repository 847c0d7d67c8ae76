/**
 * A calendar day (`YYYY-MM-DD`, UTC) this many days from the moment the test runs: a date whose
 * truth depends on today ("after today", "in the future") is computed, so the test does not
 * change its verdict on some fixed day.
 */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
