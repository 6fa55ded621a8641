/** Where the panel lives; its pages, forms, cookies and assets all sit under it. */
export const PANEL_PATH = '/panel';

export const isPanelPath = (path: string): boolean => path === PANEL_PATH || path.startsWith(`${PANEL_PATH}/`);

/**
 * A path and query of the panel to send the browser back to, or the panel's home: never another site, whatever
 * a link or a cookie asked for.
 */
export function panelReturnPath(candidate: string | undefined): string {
  return candidate !== undefined && /^\/panel(?:[/?][\x21-\x5b\x5d-\x7e]*)?$/.test(candidate) ? candidate : PANEL_PATH;
}
