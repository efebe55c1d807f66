import mjml2html from 'mjml'

import { escapeHtml } from '../commerce/html'

// The shop's look in every email: MJML compiles it to table-based HTML with inline styles that mail clients keep.
export const COLOURS = { ink: '#1f2933', muted: '#52606d', line: '#d9e2ec', accent: '#1d4ed8', panel: '#f5f7fa' }
const FONT = 'Helvetica, Arial, sans-serif'

/** Escapes text (or an attribute value) for the MJML source. */
export const esc = (value: string | number): string => escapeHtml(String(value))

/** A block of paragraphs. */
export function paragraphs(lines: readonly string[]): string {
  return lines.map((line) => `<mj-text>${esc(line)}</mj-text>`).join('\n')
}

/** A call to action: a button to `href`, with the same link written out below it for clients that hide buttons. */
export function button(label: string, href: string): string {
  return `<mj-button href="${esc(href)}" background-color="${COLOURS.accent}" align="left" border-radius="6px" font-weight="bold">${esc(label)}</mj-button>
<mj-text font-size="12px" color="${COLOURS.muted}">Or open <a href="${esc(href)}" style="color:${COLOURS.accent}">${esc(href)}</a></mj-text>`
}

/** A whole email: the shop's name on top, `sections` (mj-section elements), a footer. */
export function emailDocument(options: { storeName: string; title: string; preview: string; sections: string[]; footer: string }): string {
  return `<mjml>
<mj-head>
  <mj-title>${esc(options.title)}</mj-title>
  <mj-preview>${esc(options.preview)}</mj-preview>
  <mj-attributes>
    <mj-all font-family="${FONT}" />
    <mj-text font-size="15px" line-height="1.5" color="${COLOURS.ink}" padding="4px 24px" />
    <mj-button padding="12px 24px 4px" inner-padding="12px 20px" />
    <mj-table padding="4px 24px" color="${COLOURS.ink}" font-size="14px" />
  </mj-attributes>
</mj-head>
<mj-body background-color="${COLOURS.panel}" width="600px">
  <mj-section padding="20px 0 12px"><mj-column>
    <mj-text font-size="20px" font-weight="bold" color="${COLOURS.ink}">${esc(options.storeName)}</mj-text>
  </mj-column></mj-section>
  <mj-wrapper background-color="#ffffff" padding="16px 0" border="1px solid ${COLOURS.line}" border-radius="8px">
${options.sections.join('\n')}
  </mj-wrapper>
  <mj-section padding="12px 0 24px"><mj-column>
    <mj-text font-size="12px" color="${COLOURS.muted}">${esc(options.footer)}</mj-text>
  </mj-column></mj-section>
</mj-body>
</mjml>`
}

/** A section of one column holding `content`. */
export function section(content: string, padding = '8px 0'): string {
  return `<mj-section padding="${padding}"><mj-column>\n${content}\n</mj-column></mj-section>`
}

/** A heading inside a section. */
export function heading(text: string): string {
  return `<mj-text font-size="17px" font-weight="bold" padding="12px 24px 4px">${esc(text)}</mj-text>`
}

/** The HTML of an MJML document; a template that MJML refuses is a bug, so it throws. */
export async function compile(source: string): Promise<string> {
  const result = await mjml2html(source, { validationLevel: 'strict', keepComments: false })
  if (result.errors.length) throw new Error(`email template: ${result.errors.map((e) => e.formattedMessage).join('; ')}`)
  return result.html
}
