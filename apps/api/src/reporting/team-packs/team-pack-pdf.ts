import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';
type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
import type { MailLanguage } from '../../platform/mail/invitation-mail.js';
import { PACK_TEXTS } from './team-pack-texts.js';
import type { TeamPack } from './team-pack.types.js';

/**
 * The printable pack, made on the server with pdfmake and the Roboto it ships (which covers Latin
 * with Polish, Danish and Slovenian letters, and Cyrillic). pdfmake may read the font files only,
 * and no URL at all: a pack's texts (comments, names) can never make it fetch anything.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
pdfmake.addFonts({
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
(pdfmake as unknown as { setLocalAccessPolicy(cb: (file: string) => boolean): void }).setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR));

const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? '–' : n.toFixed(digits));
const signed = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(1)}`);

/** The document of a pack, in its language. Exported for the test of what it says. */
export function packDocument(pack: TeamPack, options: { compress?: boolean } = {}): TDocumentDefinitions {
  const t = PACK_TEXTS[pack.language as MailLanguage] ?? PACK_TEXTS.en;
  const employee = pack.audience === 'EMPLOYEE';
  const score = t.score(employee);
  const heading = (text: string): Content => ({ text, style: 'h2' });
  const list = (items: string[]): Content => (items.length ? { ul: items } : { text: t.none, italics: true });
  const s = pack.summary;
  const content: Content[] = [
    { text: t.title, style: 'kicker' },
    { text: pack.orgUnitName, style: 'h1' },
    { text: `${t.wave}: ${pack.waveName}${pack.closedAt ? ` · ${pack.closedAt.toISOString().slice(0, 10)}` : ''}`, margin: [0, 0, 0, 8] },
  ];
  if (pack.folded) content.push({ text: t.folded(pack.orgUnitName, pack.shownForName), style: 'notice' });
  content.push({
    columns: [
      { width: 'auto', stack: [{ text: score, style: 'label' }, { text: s.suppressed ? '–' : fmt(s.nps), style: 'big' }] },
      {
        width: '*',
        margin: [16, 6, 0, 0],
        stack: [
          `${t.interval}: ${fmt(s.ciLow)} … ${fmt(s.ciHigh)}`,
          `${t.band}: ${s.band ? (t.bands[s.band] ?? s.band) : '–'}`,
          `${t.answers}: ${s.responses ?? '–'}`,
          pack.previous
            ? `${t.previous} (${pack.previousWaveName}): ${pack.previous.suppressed ? t.suppressed : fmt(pack.previous.nps)} · ${t.change}: ${signed(pack.change)}` +
              (pack.significantChange === null ? '' : ` (${pack.significantChange ? t.significant : t.notSignificant})`)
            : `${t.previous}: –`,
        ],
      },
    ],
    margin: [0, 4, 0, 8],
  });
  content.push(heading(t.trend));
  content.push(
    pack.trend.length
      ? {
          table: { headerRows: 0, widths: ['*', 'auto'], body: pack.trend.map((p) => [p.label, p.summary.suppressed ? t.suppressed : fmt(p.summary.nps)]) },
          layout: 'lightHorizontalLines',
        }
      : { text: t.none, italics: true },
  );
  content.push(heading(t.themes), list(pack.themes.map((th) => `${th.name} — ${th.mentions} ${t.mentions}`)));
  content.push(heading(t.comments));
  content.push(pack.commentsHidden ? { text: t.commentsHidden, italics: true } : list(pack.comments.map((c) => (c.score === null ? `„${c.text}“` : `${c.score}: „${c.text}“`))));
  if (!employee) {
    content.push(heading(t.followUps), list(pack.followUps.map((f) => `${f.score} · ${t.statuses[f.status] ?? f.status} · ${t.due} ${f.dueAt.toISOString().slice(0, 10)}`)));
  }
  content.push(heading(t.improvements), list(pack.improvements.map((i) => `${i.title} — ${t.statuses[i.status] ?? i.status}${i.dueDate ? ` · ${t.due} ${i.dueDate}` : ''}`)));
  content.push(heading(t.guideTitle), { ol: pack.guide });
  return {
    compress: options.compress ?? true,
    info: { title: `${t.title} — ${pack.orgUnitName} — ${pack.waveName}`, creator: 'Tandem' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: {
      kicker: { fontSize: 9, color: '#52606d' },
      h1: { fontSize: 20, bold: true, margin: [0, 2, 0, 2] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      label: { fontSize: 9, color: '#52606d' },
      big: { fontSize: 28, bold: true },
      notice: { background: '#fff4e5', margin: [0, 4, 0, 8] },
    },
    content,
  };
}

/** The PDF of a pack. */
export async function packPdf(pack: TeamPack, options: { compress?: boolean } = {}): Promise<Buffer> {
  return (await pdfmake.createPdf(packDocument(pack, options)).getBuffer()) as Buffer;
}
