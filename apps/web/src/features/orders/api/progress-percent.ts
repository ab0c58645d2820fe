/**
 * Order progress as 0..100. The foundation API does not fix the scale of `progress`, so a
 * value up to 1 is read as a ratio and anything larger as a percentage.
 */
export function progressPercent(progress: number | null | undefined): number {
  if (progress == null || Number.isNaN(progress)) return 0;
  const pct = progress <= 1 ? progress * 100 : progress;
  return Math.max(0, Math.min(100, Math.round(pct)));
}
