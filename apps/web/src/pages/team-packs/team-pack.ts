// Pure helpers of the team pack page (issue 20), tested in team-pack.test.ts.

/** The change since the previous wave, signed, one decimal: "+4.2", "−3.0", "0.0"; "–" when unknown. */
export function changeText(change: number | null | undefined): string {
  if (change === null || change === undefined || Number.isNaN(change)) return '–';
  const abs = Math.abs(change).toFixed(1);
  if (change > 0) return `+${abs}`;
  if (change < 0) return `−${abs}`;
  return abs;
}

/** The PDF's address on the API (same origin), in the given language. */
export function pdfUrl(pdfPath: string, language: string): string {
  return `${pdfPath}?lang=${encodeURIComponent(language.slice(0, 2))}`;
}

/** A file name for the downloaded PDF: ASCII, lower case, dashes. */
export function packFileName(team: string, wave: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
  return `team-pack-${slug(team) || 'team'}-${slug(wave) || 'wave'}.pdf`;
}
