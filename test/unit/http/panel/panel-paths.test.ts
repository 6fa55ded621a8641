import { panelReturnPath } from '../../../../src/adapters/http/panel/panel-paths';

describe('panelReturnPath', () => {
  it.each(['/panel', '/panel/items', '/panel/items?cursor=aWQ6MTI', '/panel?cursor=x'])('keeps %s', (path) => {
    expect(panelReturnPath(path)).toBe(path);
  });

  it.each([
    undefined,
    'https://evil.example/panel',
    '//evil.example',
    '/panelx',
    '/panel\\evil',
    '/panel/ items',
    '/other',
    '',
  ])('sends %s to the panel home instead', (candidate) => {
    expect(panelReturnPath(candidate)).toBe('/panel');
  });
});
