import { describe, expect, it } from 'vitest';
import { adfToHtml } from './adf-html.js';
import type { AdfDoc, AdfNode } from './adf-types.js';
import { allNodes } from './adf-walk.test-support.js';
import { generateAdfDocument } from './generate-adf-document.js';
import { createRng } from './rng.js';

const context = {
  siteUrl: 'https://acme.example.invalid',
  media: (id: string) => (id === 'img' ? { url: 'https://acme.example.invalid/rest/api/3/attachment/content/10001', filename: 'shot.png', image: true } : id === 'pdf' ? { url: 'https://acme.example.invalid/rest/api/3/attachment/content/10002', filename: 'spec.pdf', image: false } : undefined),
};
const doc = (...content: AdfNode[]): AdfDoc => ({ version: 1, type: 'doc', content });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const text = (value: string, ...marks: string[]): AdfNode => ({ type: 'text', text: value, ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}) });

describe('adfToHtml', () => {
  it('renders paragraphs and headings with Jira inline tags for marks', () => {
    const html = adfToHtml(doc({ type: 'heading', attrs: { level: 3 }, content: [text('Steps')] }, paragraph(text('bold', 'strong'), text(' '), text('both', 'strong', 'em'), text(' '), text('x()', 'code'), text(' '), text('gone', 'strike'), text(' '), text('under', 'underline'))), context);
    expect(html).toBe('<h3>Steps</h3><p><b>bold</b> <em><b>both</b></em> <tt>x()</tt> <del>gone</del> <ins>under</ins></p>');
  });

  it('escapes text and attributes, and neutralises script links', () => {
    const html = adfToHtml(doc(paragraph({ type: 'text', text: '<script>alert("x")</script> & more', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }), paragraph({ type: 'text', text: 'ok', marks: [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b="2"' } }] })), context);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('href="#"');
    expect(html).toContain('href="https://example.com/?a=1&amp;b=&quot;2&quot;"');
  });

  it('renders lists, code panels, tables with spans, mentions and breaks', () => {
    const html = adfToHtml(
      doc(
        { type: 'orderedList', attrs: { order: 3 }, content: [{ type: 'listItem', content: [paragraph(text('third'))] }] },
        { type: 'codeBlock', attrs: { language: 'sql' }, content: [text('SELECT 1 < 2;')] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [paragraph(text('H'))] }, { type: 'tableCell', content: [paragraph(text('C'))] }] }] },
        paragraph({ type: 'mention', attrs: { id: 'acc-1', text: '@Ada' } }, { type: 'hardBreak' }, text('next')),
      ),
      context,
    );
    expect(html).toBe(
      '<ol start="3"><li><p>third</p></li></ol>' +
        '<div class="code panel"><div class="codeContent panelContent"><pre class="code-sql">SELECT 1 &lt; 2;</pre></div></div>' +
        '<div class="table-wrap"><table class="confluenceTable"><tbody><tr><th class="confluenceTh" colspan="2"><p>H</p></th><td class="confluenceTd"><p>C</p></td></tr></tbody></table></div>' +
        '<p><a href="https://acme.example.invalid/jira/people/acc-1" class="user-hover" data-account-id="acc-1" rel="acc-1">@Ada</a><br/>next</p>',
    );
  });

  it('shows attachments as images or links and draws nothing for a file that is gone', () => {
    const media = (id: string): AdfNode => ({ type: 'media', attrs: { type: 'file', id, collection: '' } });
    const html = adfToHtml(doc({ type: 'mediaSingle', content: [media('img')] }, { type: 'mediaGroup', content: [media('pdf'), media('missing')] }), context);
    expect(html).toBe('<p><span class="image-wrap"><img src="https://acme.example.invalid/rest/api/3/attachment/content/10001" alt="shot.png" /></span></p><p><a href="https://acme.example.invalid/rest/api/3/attachment/content/10002">spec.pdf</a></p>');
  });

  it('keeps every text of a document that uses every node and mark, escaped', () => {
    for (const seed of [1, 2, 3]) {
      const generated = generateAdfDocument(createRng(seed), { size: 'large', coverAll: true, mediaFiles: [{ id: 'img', collection: '' }], mentions: [{ accountId: 'acc-1', displayName: 'Ada' }] });
      const html = adfToHtml(generated, context);
      const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      const texts = allNodes(generated).filter((node) => node.type === 'text' && !isInsideExtension(generated, node));
      expect(texts.length).toBeGreaterThan(10);
      for (const node of texts) expect(html).toContain(escape(node.text ?? ''));
      expect(html.startsWith('<')).toBe(true);
    }
  });
});

/** Text inside an extension node is app content Jira does not render. */
function isInsideExtension(root: AdfNode | AdfDoc, target: AdfNode): boolean {
  const visit = (node: AdfNode, inside: boolean): boolean | undefined => {
    if (node === target) return inside;
    for (const child of node.content ?? []) {
      const found = visit(child, inside || node.type === 'extension' || node.type === 'inlineExtension');
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(root as AdfNode, false) ?? false;
}
