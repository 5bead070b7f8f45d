import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { parseInline, parseMarkdown } from './parse-markdown.ts';
import type { Block, Inline } from './parse-markdown.ts';

/**
 * Markdown written by others (the bank, a teacher), rendered as React elements from parse-markdown's tree: React
 * escapes every text, so nothing here can inject markup ([MD-1] … [MD-7]). Headings start at `headingLevel` so a
 * text's "#" never outranks the screen's own headings.
 */
export function Markdown({ text, className, lang, headingLevel = 3 }: { text: string; className?: string; lang?: string; headingLevel?: number }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className={className ? `markdown ${className}` : 'markdown'} lang={lang}>
      {renderBlocks(blocks, headingLevel)}
    </div>
  );
}

/** One line of inline Markdown (a proposal, a table cell). */
export function MarkdownInline({ text }: { text: string }) {
  const inline = useMemo(() => parseInline(text), [text]);
  return <>{renderInline(inline)}</>;
}

function renderBlocks(blocks: readonly Block[], headingLevel: number): ReactNode[] {
  return blocks.map((block, i) => {
    switch (block.kind) {
      case 'paragraph':
        return <p key={i}>{renderInline(block.children)}</p>;
      case 'heading': {
        const level = Math.min(6, headingLevel + block.level - 1);
        const Tag = `h${level}` as 'h3';
        return <Tag key={i}>{renderInline(block.children)}</Tag>;
      }
      case 'code':
        // A keyboard user must be able to scroll a long line of code: the block takes focus.
        return (
          <pre key={i} tabIndex={0}>
            <code>{block.text}</code>
          </pre>
        );
      case 'quote':
        return <blockquote key={i}>{renderBlocks(block.children, headingLevel)}</blockquote>;
      case 'list': {
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
        return block.ordered ? (
          <ol key={i} start={block.start}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
      case 'table':
        return (
          <div key={i} className="markdown-table" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {block.header.map((cell, j) => (
                    <th key={j} scope="col">
                      {renderInline(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, j) => (
                  <tr key={j}>
                    {row.map((cell, k) => (
                      <td key={k}>{renderInline(cell)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'rule':
        return <hr key={i} />;
    }
  });
}

function renderInline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target={node.href.startsWith('/') || node.href.startsWith('#') ? undefined : '_blank'} rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}
