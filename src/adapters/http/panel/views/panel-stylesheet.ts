import { createHash } from 'node:crypto';

/** The panel's only asset, served from Forte itself: phone first, wider screens get a centred column. */
const STYLESHEET = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #dde1ea; --brand: #5865f2; --plus: #107a3e;
  --minus: #b42318; --paper: #f4f6fa; font-family: system-ui, -apple-system, "Apple SD Gothic Neo", "Noto Sans KR",
  "Malgun Gothic", "NanumGothic", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); line-height: 1.5; font-size: 16px; }
a { color: var(--brand); }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .75rem 1rem; background: #fff;
  border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--ink); text-decoration: none; margin-right: auto; }
.bar nav { display: flex; gap: 1rem; order: 3; width: 100%; }
.bar nav a { text-decoration: none; font-weight: 600; padding: .25rem 0; }
.bar nav a[aria-current="page"] { color: var(--ink); border-bottom: 2px solid var(--brand); }
.tools { display: flex; align-items: center; gap: .75rem; }
.tools form { margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
h1, h2 { margin: 0 0 .5rem; line-height: 1.25; }
h1 { font-size: 1.35rem; } h2 { font-size: 1.1rem; }
.amount { font-size: 2.25rem; font-weight: 700; margin: .25rem 0 .5rem; }
.notice { background: #ecfdf3; border-color: #abefc6; }
.warning { color: var(--minus); }
button, .button { display: inline-block; font: inherit; font-weight: 600; border: 0; border-radius: 8px;
  padding: .6rem 1rem; background: var(--brand); color: #fff; cursor: pointer; text-decoration: none; min-height: 44px; }
button.quiet { background: transparent; color: var(--brand); padding: .25rem .5rem; min-height: 0; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .5rem .25rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.number, th.number { text-align: right; white-space: nowrap; }
.plus { color: var(--plus); } .minus { color: var(--minus); }
small, .meta { color: var(--muted); font-size: .875rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: .75rem; }
.items { list-style: none; margin: 0; padding: 0; }
.item header { display: flex; justify-content: space-between; align-items: baseline; gap: .5rem; }
.status { font-size: .8rem; font-weight: 600; border-radius: 999px; padding: .1rem .6rem; background: var(--paper);
  white-space: nowrap; }
.status-active { background: #e0e7ff; color: #3538cd; }
.status-withdrawn { background: #fef0c7; color: #93370d; }
.refusal { color: var(--muted); margin: .5rem 0 0; }
.buy { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .75rem 0 0; }
.withdraw { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .75rem 0 0; }
.code { color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) {
  thead { display: none; }
  tr { display: grid; grid-template-columns: 1fr auto; padding: .5rem 0; border-bottom: 1px solid var(--line); }
  td { border: 0; padding: .1rem 0; }
  td.when { grid-column: 1 / -1; color: var(--muted); font-size: .875rem; }
  td:nth-child(2) { grid-row: span 2; }
  td.number::before { content: attr(data-label) " "; color: var(--muted); font-size: .8rem; font-weight: 400; }
}
@media (min-width: 40rem) {
  .bar { padding: .75rem 2rem; }
  .bar nav { order: 0; width: auto; }
  .brand { margin-right: 1rem; }
  .tools { margin-left: auto; }
  main { padding: 2rem; }
}
`;

/** Named by its content, so browsers may keep it for a year and still get a new one when it changes. */
export const STYLESHEET_PATH = `/panel/assets/panel.${createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12)}.css`;

export const stylesheet = (): string => STYLESHEET;
