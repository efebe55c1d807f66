// A Lexical editor state (what @payloadcms/richtext-lexical stores): root → paragraphs → one text node each.
export type LexicalState = {
  root: {
    type: 'root'
    format: ''
    indent: 0
    version: 1
    direction: 'ltr'
    children: LexicalParagraph[]
  }
}

type LexicalParagraph = {
  type: 'paragraph'
  format: ''
  indent: 0
  version: 1
  direction: 'ltr'
  textFormat: 0
  textStyle: ''
  children: { type: 'text'; text: string; format: 0; style: ''; mode: 'normal'; detail: 0; version: 1 }[]
}

export function paragraphsToLexical(paragraphs: string[]): LexicalState {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      })),
    },
  }
}
