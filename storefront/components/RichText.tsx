import type { LexicalDocument } from '@/lib/richText/lexical'
import { renderLexical } from '@/lib/richText/lexical'

/** Lexical rendered on the server; every text node is escaped by the renderer. */
export function RichText({ document }: { document: LexicalDocument | null | undefined }) {
  const html = renderLexical(document)
  return html ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} /> : null
}
