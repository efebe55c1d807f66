import { paragraphsToLexical } from './richText'

describe('paragraphsToLexical', () => {
  it('should make one paragraph with one text node per entry under the root', () => {
    const state = paragraphsToLexical(['First.', 'Second.'])
    expect(state.root.type).toBe('root')
    expect(state.root.children.map((p) => [p.type, p.children.map((t) => [t.type, t.text])])).toEqual([
      ['paragraph', [['text', 'First.']]],
      ['paragraph', [['text', 'Second.']]],
    ])
  })
})
