import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './parse-markdown.ts';

describe('Markdown of instructions and landing texts, read into a tree (never into HTML)', () => {
  it('[MD-1] raw HTML is kept as text: nothing can run or load', () => {
    expect(parseMarkdown('Bonjour <prenom> <img src=x onerror="alert(1)"><script>alert(2)</script>')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Bonjour <prenom> <img src=x onerror="alert(1)"><script>alert(2)</script>' }] },
    ]);
  });

  it('[MD-2] links go only to the web, e-mail or the app; others are shown as their text', () => {
    expect(parseInline('[site](https://exemple.fr) [x](javascript:alert(1)) [y](data:text/html,hi) [doc](/content/a.csv)')).toEqual([
      { kind: 'link', href: 'https://exemple.fr', children: [{ kind: 'text', text: 'site' }] },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'x' },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'y' },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: '/content/a.csv', children: [{ kind: 'text', text: 'doc' }] },
    ]);
    expect(['mailto:a@b.fr', '//evil.example/x', 'JavaScript:x', ' https://a.fr '].map(safeHref)).toEqual(['mailto:a@b.fr', null, null, 'https://a.fr']);
  });

  it('[MD-3] emphasis, strong and code spans as the bank writes them', () => {
    expect(parseInline('Ouvrez **flux.xml** (menu *Fichier › Propriétés*) et lisez `<pubDate>`.')).toEqual([
      { kind: 'text', text: 'Ouvrez ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'flux.xml' }] },
      { kind: 'text', text: ' (menu ' },
      { kind: 'em', children: [{ kind: 'text', text: 'Fichier › Propriétés' }] },
      { kind: 'text', text: ') et lisez ' },
      { kind: 'code', text: '<pubDate>' },
      { kind: 'text', text: '.' },
    ]);
    // Not emphasis: a lone star, a multiplication, an underscore inside a name, an unclosed marker.
    expect(parseInline('5 * 3 = 15, mon_fichier_final.csv, *ouvert')).toEqual([{ kind: 'text', text: '5 * 3 = 15, mon_fichier_final.csv, *ouvert' }]);
    expect(parseInline('*a **b** c*')).toEqual([{ kind: 'em', children: [{ kind: 'text', text: 'a ' }, { kind: 'strong', children: [{ kind: 'text', text: 'b' }] }, { kind: 'text', text: ' c' }] }]);
    expect(parseInline('\\*pas en italique\\*')).toEqual([{ kind: 'text', text: '*pas en italique*' }]);
  });

  it('[MD-4] paragraphs join their lines; two trailing spaces break one', () => {
    expect(parseMarkdown('Chaque tâche\net les tâches.\n\nSecond  \nligne')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Chaque tâche et les tâches.' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Second' }, { kind: 'break' }, { kind: 'text', text: 'ligne' }] },
    ]);
  });

  it('[MD-5] fenced code keeps its lines verbatim, markup included', () => {
    expect(parseMarkdown('Code :\n\n```html\n<h1>Le **club**</h1>\n  <p>x</p>\n```\nAprès')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Code :' }] },
      { kind: 'code', text: '<h1>Le **club**</h1>\n  <p>x</p>' },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Après' }] },
    ]);
  });

  it('[MD-6] block quotes, lists, headings and rules', () => {
    expect(parseMarkdown('> **De :** support\n>\n> Bonjour,\n> lisez.')).toEqual([
      {
        kind: 'quote',
        children: [
          { kind: 'paragraph', children: [{ kind: 'strong', children: [{ kind: 'text', text: 'De :' }] }, { kind: 'text', text: ' support' }] },
          { kind: 'paragraph', children: [{ kind: 'text', text: 'Bonjour, lisez.' }] },
        ],
      },
    ]);
    expect(parseMarkdown('- un\n- deux\n  suite\n\n3. trois\n4. quatre\n\n## Titre\n\n---')).toEqual([
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'un' }], [{ kind: 'text', text: 'deux suite' }]] },
      { kind: 'list', ordered: true, start: 3, items: [[{ kind: 'text', text: 'trois' }], [{ kind: 'text', text: 'quatre' }]] },
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: 'Titre' }] },
      { kind: 'rule' },
    ]);
  });

  it('[MD-7] tables with a header row, escaped pipes and markup in cells', () => {
    expect(parseMarkdown('| | A |\n| --- | --- |\n| **1** | a \\| b |\nfin')).toEqual([
      {
        kind: 'table',
        header: [[], [{ kind: 'text', text: 'A' }]],
        rows: [[[{ kind: 'strong', children: [{ kind: 'text', text: '1' }] }], [{ kind: 'text', text: 'a | b' }]]],
      },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'fin' }] },
    ]);
  });
});
