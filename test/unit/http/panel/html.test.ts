import { escapeHtml, html } from '../../../../src/adapters/http/panel/views/html';

describe('html', () => {
  it('escapes every interpolated text, in content and in quoted attributes', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${name}">${name}</p>`.markup).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">' +
        '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
  });

  it('keeps markup built with html, joins lists, and renders false, null and undefined as nothing', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}</ul>${false}${null}${undefined}${0}`;
    expect(list.markup).toBe('<ul><li>a&lt;</li><li>b</li></ul>0');
  });

  it('escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`&<>"' 한국어`)).toBe('&amp;&lt;&gt;&quot;&#39; 한국어');
  });
});
