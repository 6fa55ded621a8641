import { PanelText } from './panel-text';

/** Points as the user's language writes numbers (`1,000`), with the sign when asked (`+40`, `-30`). */
export function formatPoints(text: PanelText, points: number, signed = false): string {
  return new Intl.NumberFormat(text.intlLocale, { signDisplay: signed ? 'exceptZero' : 'auto' }).format(points);
}

/** A moment in Korea's time, where the users and the daily rules are, whatever the server's zone. */
export function formatMoment(text: PanelText, at: Date): string {
  return new Intl.DateTimeFormat(text.intlLocale, {
    timeZone: 'Asia/Seoul',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
}
